"""scikit-surprise's fit + test of one algorithm on MovieLens-100k's u1 fold, timed, for a same-run ratio.

Usage: python benches/surprise_predict.py DIR ALGO RUNS -> prints the median milliseconds
(ALGO: svd, svdpp, nmf or coclustering; default options, random_state=0). Run by
benches/predict.rs when SURPRISE_PYTHON names a Python that has scikit-surprise (a throwaway
virtualenv: never part of the product or of `make test`).
"""
import statistics
import sys
import time

from surprise import NMF, SVD, CoClustering, Dataset, Reader, SVDpp
from surprise.model_selection import PredefinedKFold

folder, algo, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
cls = {"svd": SVD, "svdpp": SVDpp, "nmf": NMF, "coclustering": CoClustering}[algo]
data = Dataset.load_from_folds([(f"{folder}/u1.base", f"{folder}/u1.test")], reader=Reader("ml-100k"))
trainset, testset = next(PredefinedKFold().split(data))
times = []
for _ in range(runs):
    start = time.perf_counter()
    cls(random_state=0).fit(trainset).test(testset)
    times.append((time.perf_counter() - start) * 1000)
print(f"{statistics.median(times):.1f}")
