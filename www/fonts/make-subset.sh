#!/usr/bin/env bash
# Regenerates www/fonts/lab-cjk.woff2: Noto Sans CJK SC (SIL Open Font License 1.1, see OFL.txt)
# cut down to exactly the CJK characters the interface uses — every one found in src/**/*.rs,
# index.html and www/*.html — so Chinese reads on machines without a CJK font and the page makes
# no request for a font anywhere else. A developer's tool, not part of the build or of `make test`
# (tests/e2e/font.test.mjs checks that the committed font still covers every character).
# Needs Debian's apt (for the source font, downloaded, not installed) and Python 3 (fontTools in a
# throwaway venv). Run it after adding Chinese text: `bash www/fonts/make-subset.sh`.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download fonts-noto-cjk >/dev/null && dpkg-deb -x fonts-noto-cjk_*.deb root)
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet fonttools==4.68.0 brotli==1.2.1
"$work/venv/bin/python" - "$work/root/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc" <<'PY'
import glob, re, sys
from fontTools import subset
from fontTools.ttLib import TTCollection

# The CJK blocks the stylesheet's @font-face unicode-range names (keep the two in step).
CJK = re.compile('[\u2e80-\u2fdf\u3000-\u30ff\u3100-\u312f\u31c0-\u31ef\u3200-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]')
files = glob.glob('src/**/*.rs', recursive=True) + ['index.html'] + glob.glob('www/*.html')
chars = set()
for f in files:
    chars.update(CJK.findall(open(f, encoding='utf-8').read()))
font = TTCollection(sys.argv[1]).fonts[2]          # 2 = Noto Sans CJK SC
assert font['name'].getDebugName(4) == 'Noto Sans CJK SC'
cmap = font.getBestCmap()
missing = sorted(c for c in chars if ord(c) not in cmap)
if missing:
    sys.exit('not in Noto Sans CJK SC: ' + ''.join(missing))
options = subset.Options()
options.flavor = 'woff2'
options.layout_features = ['*']
options.name_IDs = ['*']
options.notdef_outline = True
options.hinting = False
sub = subset.Subsetter(options)
sub.populate(unicodes=[ord(c) for c in chars])
sub.subset(font)
font.flavor = 'woff2'
font.save('www/fonts/lab-cjk.woff2')
print(f'{len(chars)} characters from {len(files)} files -> www/fonts/lab-cjk.woff2')
PY

ls -l www/fonts/lab-cjk.woff2
