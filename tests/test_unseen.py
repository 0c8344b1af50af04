"Integration tests of the image path: real image files in every common format and mode, bad files, random input."
import io, json, struct, subprocess, zlib
from pathlib import Path
import numpy as np, pytest, torch
from PIL import Image
from hypothesis import given, settings, strategies as st, HealthCheck
from hypothesis.extra.numpy import arrays, array_shapes
from digitrec.data import DigitrecError, mnist_tensors
from digitrec.inference import (predict_image, read_digits, load_model, fake_photo, fake_strip, sklearn_digits, accuracy_on,
                                default_checkpoint, SEVERAL)
from conftest import run_cli, BIN

_MODEL = load_model()[0]   # the CNN shipped in the package (hypothesis tests cannot take fixtures per example)

@pytest.fixture(scope='module')
def model(): return _MODEL

@pytest.fixture(scope='module')
def t(): return mnist_tensors()

def test_photos_of_test_digits_are_recognised(model, t):
    "Dark digits on light, noisy, unevenly lit, off-centre RGB JPEGs made from 100 MNIST test digits."
    y = t.y_test[:100]
    preds = [predict_image(fake_photo(t.x_test[i, 0].numpy(), seed=i, offset=(i % 7 * 4 - 12, 12 - i % 5 * 6)), model, 0.0).label for i in range(100)]
    assert np.mean(np.array(preds) == y.numpy()) >= 0.95

def test_digits_on_lined_paper(tmp_path, model, t):
    "Photos 1.5 times as wide as high of one digit on lined paper (a line under it, the next one above): the lines are taken out first."
    photos = [fake_photo(t.x_test[i, 0].numpy(), seed=i, offset=(i % 7 * 4 - 12, 12 - i % 5 * 6), lined=True) for i in range(100)]
    y = t.y_test[:100].numpy()
    for rules, lo, hi in ((True, 0.9, 1), (False, 0, 0.4)):   # measured 0.965 and 0.185 on 200
        assert lo <= np.mean(np.array([predict_image(p, model, 0.0, rules=rules).label for p in photos]) == y) <= hi, rules
    for i in range(10): (tmp_path/f'{i}.jpg').write_bytes(photos[i])
    right = {}
    for keep in ([], ['--keep-rules']):
        r = run_cli('predict', *sorted(tmp_path.glob('*.jpg')), '--threshold', '0', '--json', *keep)
        assert r.returncode == 0, r.stderr
        right[bool(keep)] = sum(json.loads(l)['label'] == y[int(Path(json.loads(l)['file']).stem)] for l in r.stdout.splitlines())
    assert right[False] >= 8 and right[True] <= 5, right

def test_digit_in_a_box(tmp_path, model, t):
    "Square photos of one digit in a form's printed box, the digit off-centre or touching a side: the box is taken out first."
    offsets = [(i % 7 * 4 - 12, 12 - i % 5 * 6) if i % 2 else [(30, 0), (-30, 0), (0, 30), (0, -30)][i // 2 % 4] for i in range(100)]
    photos = [fake_photo(t.x_test[i, 0].numpy(), seed=i, offset=offsets[i], boxed=True) for i in range(100)]
    y = t.y_test[:100].numpy()
    for rules, lo, hi in ((True, 0.9, 1), (False, 0, 0.75)):   # measured 0.97 and 0.60 here, 1.00 and 0.61 on test digits 100-199
        assert lo <= np.mean(np.array([predict_image(p, model, 0.0, rules=rules).label for p in photos]) == y) <= hi, rules
    turned = [fake_photo(t.x_test[i, 0].numpy(), seed=i, boxed=True, angle=2 if i % 2 else -2) for i in range(100, 140)]   # 2° off level
    for rules, lo, hi in ((True, 0.9, 1), (False, 0, 0.75)):   # measured 1.00 and 0.50 (0.70 with the box step of session 16)
        assert lo <= np.mean(np.array([predict_image(p, model, 0.0, rules=rules).label for p in turned]) == t.y_test[100:140].numpy()) <= hi, rules
    for i in range(10): (tmp_path/f'{i}.jpg').write_bytes(photos[i])
    right = {}
    for keep in ([], ['--keep-rules']):   # `read` finds the one digit in its box too
        r = run_cli('read', *sorted(tmp_path.glob('*.jpg')), '--threshold', '0', '--json', *keep)
        assert r.returncode == 0, r.stderr
        right[bool(keep)] = sum(json.loads(l)['text'] == str(y[int(Path(json.loads(l)['file']).stem)]) for l in r.stdout.splitlines())
    assert right[False] >= 8 and right[True] <= 6, right

@pytest.mark.parametrize('fmt,mode', [('PNG', 'L'), ('PNG', 'RGB'), ('PNG', 'RGBA'), ('PNG', 'RGBA-light'), ('PNG', 'P'), ('PNG', 'I;16'),
                                      ('JPEG', 'RGB'), ('BMP', 'RGB'), ('TIFF', 'L'), ('GIF', 'P'), ('TIFF', 'I;16')])
def test_formats_and_modes(tmp_path, model, t, fmt, mode):
    img = Image.open(io.BytesIO(fake_photo(t.x_test[1, 0].numpy(), quality=95))).convert('L')   # a '2'
    if mode == 'I;16': img = Image.fromarray((np.asarray(img).astype(np.uint16) * 257))
    elif mode == 'RGBA':  # ink opaque, paper transparent
        a = np.asarray(img); img = Image.fromarray(np.dstack([a, a, a, 255 - a]).astype(np.uint8), 'RGBA')
    elif mode == 'RGBA-light':  # white ink, drawn only in the alpha channel (a drawing app's dark mode, a web canvas)
        a = np.asarray(img); img = Image.fromarray(np.dstack([np.full_like(a, 255)] * 3 + [255 - a]).astype(np.uint8), 'RGBA')
    else: img = img.convert(mode)
    f = tmp_path/f'two.{fmt.lower()}'; img.save(f, fmt)
    pr = predict_image(f, model, 0.0)
    assert pr.label == 2, (fmt, mode, pr)

def test_torchvision_samples_are_read(model, t):
    "torchvision's MNIST samples as PyTorch users hold them (ToTensor: 1×28×28 floats; normalized as the study did, or to mean 0 and std 1) read as their uint8 images."
    from torchvision import transforms as T
    from digitrec.data import mnist_datasets
    for tf in (T.ToTensor(), T.Compose([T.ToTensor(), T.Normalize((0.5,), (0.5,))]), T.Compose([T.ToTensor(), T.Normalize((0.1307,), (0.3081,))])):
        test = mnist_datasets(transform=tf).test
        for i in range(20):
            x, y = test[i]
            assert x.shape == (1, 28, 28) and x.dtype == torch.float32
            p, q = predict_image(x, model), predict_image(t.x_test[i, 0].numpy(), model)
            assert (p.label, p.confidence) == (q.label, q.confidence) and p.label == y, (tf, i)

def _png_claiming(w, h) -> bytes:
    "A small PNG whose header claims w×h pixels."
    buf = io.BytesIO(); Image.new('L', (8, 8), 255).save(buf, 'PNG'); b = bytearray(buf.getvalue())
    ihdr = b[12:29]; ihdr[4:12] = struct.pack('>II', w, h)
    b[12:29] = ihdr; b[29:33] = struct.pack('>I', zlib.crc32(bytes(ihdr)))
    return bytes(b)

def _bad_files(d: Path, t) -> dict:
    jpg = fake_photo(t.x_test[0, 0].numpy())
    png = io.BytesIO(); Image.open(io.BytesIO(jpg)).save(png, 'PNG'); png = png.getvalue()
    files = {'notes.txt': b'hello, not an image', 'empty.png': b'', 'trunc.png': png[:len(png) // 2],
             'trunc.jpg': jpg[:len(jpg) // 3], 'bomb.png': _png_claiming(20000, 20000)}
    for n, b in files.items(): (d/n).write_bytes(b)
    Image.new('L', (1, 1), 0).save(d/'tiny.png'); Image.new('L', (64, 64), 255).save(d/'white.png')
    Image.new('L', (64, 64), 0).save(d/'black.png'); Image.new('RGBA', (64, 64), (0, 0, 0, 0)).save(d/'transparent.png')
    (d/'folder').mkdir()
    return dict(errors={'notes.txt': 'not an image file', 'empty.png': 'is empty', 'trunc.png': 'truncated', 'trunc.jpg': 'truncated',
                        'bomb.png': 'scale it down', 'folder': 'is a directory', 'missing.png': 'not found'},
                no_digit={'tiny.png': 'too small', 'white.png': 'no digit', 'black.png': 'no digit', 'transparent.png': 'no digit'})

def test_bad_files_each_give_a_clear_message(tmp_path, model, t):
    cases = _bad_files(tmp_path, t)
    for name, msg in cases['errors'].items():
        with pytest.raises(DigitrecError, match=msg): predict_image(tmp_path/name, model)
        with pytest.raises(DigitrecError, match=msg): read_digits(tmp_path/name, model)
    for name, msg in cases['no_digit'].items():
        pr = predict_image(tmp_path/name, model)
        assert pr.label is None and msg in pr.reason, (name, pr)
        r = read_digits(tmp_path/name, model)
        assert r.text == '' and msg in r.reason, (name, r)

def test_cli_predict_processes_the_good_files_among_bad_ones(tmp_path, t):
    cases = _bad_files(tmp_path, t)
    (tmp_path/'seven.jpg').write_bytes(fake_photo(t.x_test[0, 0].numpy()))
    names = ['seven.jpg', *cases['errors'], *cases['no_digit']]
    r = run_cli('predict', *[tmp_path/n for n in names], '--json')
    assert r.returncode == 1 and 'Traceback' not in r.stderr
    recs = {Path(x['file']).name: x for x in map(json.loads, r.stdout.splitlines())}
    assert set(recs) == set(names)
    assert recs['seven.jpg']['label'] == 7 and recs['seven.jpg']['confidence'] > 0.5 and len(recs['seven.jpg']['top3']) == 3
    for n in cases['errors']: assert recs[n]['label'] is None and 'error' in recs[n]
    for n in cases['no_digit']: assert recs[n]['label'] is None
    assert len(r.stderr.strip().splitlines()) == len(cases['errors'])
    r = run_cli('predict', tmp_path/'seven.jpg')
    assert r.returncode == 0 and r.stdout.strip().endswith(')') and ': 7 (' in r.stdout

def test_cli_reads_an_image_from_standard_input(t):
    r = subprocess.run([str(BIN/'digitrec'), 'predict', '-'], input=fake_photo(t.x_test[0, 0].numpy()), capture_output=True)
    assert r.returncode == 0 and r.stdout.decode().startswith('-: 7 ('), r.stderr
    r = subprocess.run([str(BIN/'digitrec'), 'read', '-', '--json'], input=b'not an image', capture_output=True)
    assert r.returncode == 1 and r.stderr.decode() == 'digitrec: error: <stdin> is not an image file PIL can read (PNG, JPEG, HEIC, BMP, TIFF, GIF...)\n'
    assert json.loads(r.stdout)['file'] == '-'
    r = subprocess.run([str(BIN/'digitrec'), 'predict', '-'], input=_as_a_phone_saves(fake_photo(t.x_test[0, 0].numpy()), 1, 'HEIF'), capture_output=True)   # a HEIC piped in
    assert r.returncode == 0 and r.stdout.decode().startswith('-: 7 ('), r.stderr

def test_sklearn_digits_out_of_domain(model):
    x, y = sklearn_digits()
    assert len(x) == 1797
    acc = accuracy_on(model, x, y)
    h = len(y) // 2; held_out = accuracy_on(model, x[h:], y[h:])
    direct = accuracy_on(model, *sklearn_digits(bitmap=False))
    print(f"shipped CNN on scikit-learn's digits: {acc:.4f} (held-out half {held_out:.4f}), scaled up directly {direct:.4f}")
    assert acc >= 0.95 and held_out >= 0.95   # measured 0.9583 and 0.9544 (the CNN of the committed compare run; its LeNet-5: 0.9232)
    assert acc - direct >= 0.015               # decoding the 8×8 ink counts into bitmaps: measured +2.3 points (0.9354 directly)

_STORED = {3: Image.ROTATE_180, 6: Image.ROTATE_90, 8: Image.ROTATE_270}   # how a camera stores the pixels of a photo it tags with EXIF orientation 3, 6 or 8

def _as_a_phone_saves(jpeg:bytes, orientation:int, fmt:str='JPEG') -> bytes:
    "A photo as a phone saves it: the pixels as the sensor lay, and the EXIF orientation tag with which every viewer shows them upright; as JPEG or HEIF (an iPhone's default, written by pillow-heif, the decoder digitrec uses too)."
    if fmt == 'HEIF': from pillow_heif import register_heif_opener; register_heif_opener()
    ex = Image.Exif(); ex[0x0112] = orientation
    img = Image.open(io.BytesIO(jpeg)); img = img.transpose(_STORED[orientation]) if orientation != 1 else img
    b = io.BytesIO(); img.save(b, fmt, quality=90, exif=ex.tobytes()); return b.getvalue()

def test_phone_photos_are_read_as_viewers_show_them(tmp_path, t):
    "JPEG files stored on their side or upside down, with the EXIF tag that turns them upright: `predict` and `read` see the upright digit."
    y = {}
    for i in range(20):
        for o in _STORED:
            f = tmp_path/f'{i}-{o}.jpg'; f.write_bytes(_as_a_phone_saves(fake_photo(t.x_test[i, 0].numpy(), seed=i), o)); y[f.name] = int(t.y_test[i])
    r = run_cli('predict', *sorted(tmp_path.glob('*.jpg')), '--threshold', '0', '--json')
    assert r.returncode == 0, r.stderr
    labels = {Path(x['file']).name: x['label'] for x in map(json.loads, r.stdout.splitlines())}
    assert sum(labels[n] == y[n] for n in y) >= 57, labels   # measured 60 of 60; 16 of 60 when the tag is ignored
    row = fake_strip([t.x_test[i, 0].numpy() for i in range(5)])   # 7 2 1 0 4
    for o in _STORED: (tmp_path/f'row-{o}.jpg').write_bytes(_as_a_phone_saves(row, o))
    r = run_cli('read', *[tmp_path/f'row-{o}.jpg' for o in _STORED], '--json')
    assert r.returncode == 0 and [json.loads(l)['text'] for l in r.stdout.splitlines()] == ['72104'] * 3, r.stdout

def test_heic_photos(tmp_path, t):
    "iPhone-style HEIC files, upright and stored turned with an EXIF tag, read by `predict` in a fresh process (which must find pillow-heif itself)."
    y = {}
    for i in range(10):
        for o in (1, 6, 8):
            f = tmp_path/f'{i}-{o}.heic'; f.write_bytes(_as_a_phone_saves(fake_photo(t.x_test[i, 0].numpy(), seed=i), o, 'HEIF')); y[f.name] = int(t.y_test[i])
    assert (tmp_path/'0-1.heic').read_bytes()[4:12] == b'ftypheic'
    r = run_cli('predict', *sorted(tmp_path.glob('*.heic')), '--threshold', '0', '--json')
    assert r.returncode == 0, r.stderr
    labels = {Path(x['file']).name: x['label'] for x in map(json.loads, r.stdout.splitlines())}
    assert sum(labels[n] == y[n] for n in y) >= 28, labels

def test_a_file_of_several_pages(tmp_path, t):
    "A multi-page TIFF, as scanners write forms: its first page is read, and one warning line says the others are not."
    pages = [Image.open(io.BytesIO(fake_photo(t.x_test[i, 0].numpy(), seed=i))).convert('L') for i in range(3)]   # 7, 2, 1
    pages[0].save(tmp_path/'form.tif', save_all=True, append_images=pages[1:])
    for cmd, key, want in (('predict', 'label', 7), ('read', 'text', '7')):
        r = run_cli(cmd, tmp_path/'form.tif', '--json')
        assert r.returncode == 0 and json.loads(r.stdout)[key] == want, (r.stdout, r.stderr)
        assert r.stderr == f"digitrec: warning: {tmp_path/'form.tif'} has 3 pages; only the first is read: save each page as an image of its own to read the others\n"

def test_rows_of_digits_are_read(tmp_path, model, t):
    "40 rows of five MNIST test digits, written as dark ink on light noisy paper, saved as JPEG files and read back."
    right = 0
    for k in range(40):
        idx = range(5 * k, 5 * k + 5)
        f = tmp_path/f'row{k}.jpg'; f.write_bytes(fake_strip([t.x_test[i, 0].numpy() for i in idx], seed=k))
        r = read_digits(f, model, 0.0)
        assert len(r.digits) == 5, (k, r.text)     # every row is split into its five digits
        right += r.text == ''.join(str(int(t.y_test[i])) for i in idx)
    assert right >= 36     # measured 39 of 40 rows (199 of 200 digits) with the shipped CNN

def test_touching_digits_are_split(model, t):
    "Rows whose digits overlap (gap=-8): splitting touching digits reads more rows right and never breaks one read right without it."
    right = {False: set(), True: set()}
    for k in range(40):
        idx = range(5 * k, 5 * k + 5); truth = ''.join(str(int(t.y_test[i])) for i in idx)
        img = fake_strip([t.x_test[i, 0].numpy() for i in idx], gap=-8, seed=k)
        for split in (False, True):
            if read_digits(img, model, 0.0, split=split).text == truth: right[split].add(k)
    assert len(right[True]) >= 30 and len(right[True]) >= len(right[False]) + 8, right   # measured 32 against 22
    assert right[False] <= right[True]

def test_two_digits_given_to_predict_are_reported(model, t):
    "40 JPEG files of two MNIST test digits written close (`gap=-8`: their columns overlap, their strokes mostly apart): `predict` says 'several digits' instead of giving one wrong label."
    thr = load_model()[1]
    ps = [predict_image(fake_strip(t.x_test[6000 + 2 * k:6002 + 2 * k, 0].numpy(), gap=-8, seed=6000 + k), model, thr) for k in range(40)]
    several, labelled = sum(p.reason == SEVERAL for p in ps), sum(p.label is not None for p in ps)
    assert several >= 32 and labelled <= 8, (several, labelled)   # measured 35 and 4 (counting column groups only, as before: 0 and 30)

def test_rows_one_above_the_other_are_read(tmp_path, model, t):
    "20 JPEG files of two rows of five MNIST test digits each: read line by line, and as garbage when read as one row."
    right = {True: 0, False: 0}
    for k in range(20):
        rows = [range(10 * k, 10 * k + 5), range(10 * k + 5, 10 * k + 10)]
        f = tmp_path/f'rows{k}.jpg'; f.write_bytes(fake_strip([[t.x_test[i, 0].numpy() for i in idx] for idx in rows], seed=k))
        truth = '\n'.join(''.join(str(int(t.y_test[i])) for i in idx) for idx in rows)
        for lines in (True, False): right[lines] += read_digits(f, model, 0.0, lines=lines).text == truth
    assert right[True] >= 17 and right[False] <= 2, right     # measured 19 and 0 with the shipped CNN

@pytest.mark.parametrize('mark', ['.', ',', '-'])
def test_marks_between_digits_are_read(tmp_path, model, t, mark):
    "40 JPEG files of five MNIST test digits with a dot, a comma or a dash after the third (an amount, a ZIP+4 code), read with the shipped CNN's threshold."
    thr, right = load_model()[1], 0
    for k in range(40):
        idx = range(6000 + 5 * k, 6005 + 5 * k)   # digits that did not guide `find_marks`
        x, y = [t.x_test[i, 0].numpy() for i in idx], ''.join(str(int(t.y_test[i])) for i in idx)
        f = tmp_path/f'amount{k}.jpg'; f.write_bytes(fake_strip(x[:3] + [mark] + x[3:], seed=k))
        right += read_digits(f, model, thr).text == y[:3] + mark + y[3:]
    assert right >= 36, right   # measured 39, 38 and 39 (experiments/read_marks.py)

@pytest.mark.parametrize('rules,deg,least', [('line', 0, 17), ('touching', 0, 17), ('boxes', 0, 17), ('cells', 0, 13),
                                             ('boxes', 3, 17), ('cells', 2, 13), ('cells', -4.5, 13), ('line', 4.5, 17)])
def test_printed_lines_and_boxes_are_removed(tmp_path, model, t, rules, deg, least):
    "20 image files of five MNIST test digits over a printed line, sitting on one, in a comb field or in separate boxes; some photos off level (up to 4.5°)."
    right = {True: 0, False: 0}
    for k in range(20):
        idx = range(5 * k, 5 * k + 5); truth = ''.join(str(int(t.y_test[i])) for i in idx)
        f = tmp_path/f"{rules}{k}.{'png' if deg else 'jpg'}"; f.write_bytes(fake_strip([t.x_test[i, 0].numpy() for i in idx], seed=k, rules=rules, angle=deg))
        for keep in (True, False): right[keep] += read_digits(f, model, 0.0, rules=not keep).text == truth
    assert right[False] >= least and right[True] <= 4, right   # measured 19, 19, 19, 17, 19, 18, 18, 19 and at most 3


def test_cli_read(tmp_path, t):
    (tmp_path/'row.jpg').write_bytes(fake_strip([t.x_test[i, 0].numpy() for i in range(5)]))   # 7 2 1 0 4
    Image.new('L', (200, 60), 255).save(tmp_path/'blank.png'); (tmp_path/'notes.txt').write_bytes(b'hello')
    r = run_cli('read', tmp_path/'row.jpg', tmp_path/'blank.png', tmp_path/'notes.txt', '--json')
    assert r.returncode == 1 and 'Traceback' not in r.stderr and 'notes.txt is not an image file' in r.stderr
    recs = {Path(x['file']).name: x for x in map(json.loads, r.stdout.splitlines())}
    assert recs['row.jpg']['text'] == '72104' and [d['label'] for d in recs['row.jpg']['digits']] == [7, 2, 1, 0, 4]
    assert all(len(d['box']) == 4 and len(d['top3']) == 3 for d in recs['row.jpg']['digits'])
    assert recs['blank.png']['text'] == '' and 'no digit' in recs['blank.png']['reason']
    assert recs['notes.txt']['text'] is None and 'error' in recs['notes.txt']
    r = run_cli('read', tmp_path/'row.jpg')
    assert r.returncode == 0 and r.stdout.startswith(f"{tmp_path/'row.jpg'}: 72104 (7 "), r.stdout
    r = run_cli('predict', tmp_path/'row.jpg')   # a row given to predict: the reason says what reads it
    assert r.returncode == 0 and r.stdout.startswith(f"{tmp_path/'row.jpg'}: - (several digits side by side, not one: `digitrec read`"), r.stdout
    (tmp_path/'rows.jpg').write_bytes(fake_strip([[t.x_test[i, 0].numpy() for i in range(5)], [t.x_test[i, 0].numpy() for i in range(5, 10)]]))
    r = run_cli('read', tmp_path/'rows.jpg')
    assert r.returncode == 0 and r.stdout.startswith(f"{tmp_path/'rows.jpg'}: 72104 / 14959 ("), r.stdout
    (tmp_path/'boxes.jpg').write_bytes(fake_strip([t.x_test[i, 0].numpy() for i in range(5)], rules='boxes'))
    r = run_cli('read', tmp_path/'boxes.jpg')
    assert r.returncode == 0 and r.stdout.startswith(f"{tmp_path/'boxes.jpg'}: 72104 (7 "), r.stdout
    r = run_cli('read', tmp_path/'boxes.jpg', '--keep-rules')
    assert r.returncode == 0 and not r.stdout.startswith(f"{tmp_path/'boxes.jpg'}: 72104 "), r.stdout
    x = [t.x_test[i, 0].numpy() for i in range(5)]
    (tmp_path/'amount.jpg').write_bytes(fake_strip(x[:3] + ['.'] + x[3:]))
    r = run_cli('read', tmp_path/'amount.jpg')
    assert r.returncode == 0 and r.stdout.startswith(f"{tmp_path/'amount.jpg'}: 721.04 (7 "), r.stdout
    r = run_cli('read', tmp_path/'amount.jpg', '--digits-only')
    assert r.returncode == 0 and r.stdout.startswith(f"{tmp_path/'amount.jpg'}: 72104 (7 "), r.stdout
    r = run_cli('read', tmp_path/'row.jpg', '--threshold', '70')
    assert r.returncode == 2 and 'must be from 0 to 1' in r.stderr and 'Traceback' not in r.stderr

@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(b):
    for f in (predict_image, read_digits):
        try: f(b, _MODEL)
        except DigitrecError: pass

@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(st.one_of(arrays(st.sampled_from([np.uint8, np.float32, np.float64, np.int64, np.bool_]), array_shapes(min_dims=1, max_dims=4, min_side=0, max_side=40)),
                 arrays(np.uint8, st.tuples(st.integers(1, 60), st.integers(1, 60), st.sampled_from([1, 3, 4])))))
def test_random_arrays_never_crash(a):
    for f in (predict_image, read_digits):
        try: f(a, _MODEL)
        except DigitrecError: pass


def test_export_parity_cli(tmp_path, t):
    import onnxruntime as ort
    from digitrec.learner import model_from_checkpoint
    from digitrec.transforms import normalize
    m = model_from_checkpoint(default_checkpoint())[0].eval()
    x = normalize(t.x_test[:64])
    with torch.no_grad(): ref = m(x)
    for fmt in ('onnx', 'pt2'):
        r = run_cli('export', default_checkpoint(), '--format', fmt, '-o', tmp_path/f'm.{fmt}')
        assert r.returncode == 0, r.stderr
        # one line on stdout, nothing on stderr (the exporters' progress lines and torch.export's file-name warning are off)
        assert r.stdout == f"wrote {tmp_path/f'm.{fmt}'} (cnn, {fmt})\n" and r.stderr == '', (r.stdout, r.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ['m.onnx', 'm.pt2']
    for fmt in ('onnx', 'pt2'):   # a folder nothing can be written in, even by root: one line, no traceback (pt2 used to end in torch's RuntimeError)
        r = run_cli('export', default_checkpoint(), '--format', fmt, '-o', f'/proc/m.{fmt}')
        assert r.returncode == 1 and r.stderr.startswith('digitrec: error: cannot write in /proc (') and r.stderr.endswith('); choose a writable -o\n'), r.stderr
        assert r.stderr.count('\n') == 1
    Image.new('L', (28, 28), 255).save(tmp_path/'x.png')
    for fmt, what in (('onnx', 'an ONNX model'), ('pt2', 'a model exported by `digitrec export --format pt2`')):   # an export given as --model
        r = run_cli('predict', '--model', tmp_path/f'm.{fmt}', tmp_path/'x.png')
        assert r.returncode == 1 and r.stderr.count('\n') == 1 and f"m.{fmt} is not a digitrec checkpoint ({what}" in r.stderr, r.stderr
    r = run_cli('predict', '--model', 'lenet5', tmp_path/'x.png')   # a model's name where its checkpoint goes
    assert r.returncode == 1 and r.stderr == "digitrec: error: checkpoint lenet5 not found; lenet5 is a model's name, not a checkpoint: `digitrec train --model lenet5` writes one, runs/lenet5.pt\n", r.stderr
    sess = ort.InferenceSession(str(tmp_path/'m.onnx')); ep = torch.export.load(tmp_path/'m.pt2').module()
    for n in (1, 64):
        assert np.abs(sess.run(None, {sess.get_inputs()[0].name: x[:n].numpy()})[0] - ref[:n].numpy()).max() < 1e-4
        assert (ep(x[:n]) - ref[:n]).abs().max() < 1e-4
