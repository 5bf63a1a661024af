"""scikit-surprise's user-user similarity on a MovieLens-format file, timed, for a same-run ratio.

Usage: python benches/surprise_similarity.py U_DATA MEASURE RUNS -> prints the median milliseconds.
Run by benches/similarity.rs and tests/e2e/bench-browser.mjs when SURPRISE_PYTHON names a Python
that has scikit-surprise (a throwaway virtualenv: never part of the product or of `make test`).
"""
import statistics
import sys
import time

from surprise import Dataset, KNNBasic, Reader

path, measure, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
trainset = Dataset.load_from_file(path, Reader(line_format="user item rating timestamp", sep="\t")).build_full_trainset()
algo = KNNBasic(sim_options={"name": measure, "user_based": True}, verbose=False)
algo.trainset = trainset
algo.compute_similarities()  # warm-up
times = []
for _ in range(runs):
    start = time.perf_counter()
    algo.compute_similarities()
    times.append((time.perf_counter() - start) * 1000)
print(f"{statistics.median(times):.1f}")
