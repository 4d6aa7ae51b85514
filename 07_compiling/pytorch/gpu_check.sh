#!/usr/bin/env bash
# The GPU study on a CUDA machine, in one go: the gpu-marked tests, then the workloads and
# figure scripts at the book's sizes, with nvidia-smi before and after. Everything it writes
# goes under $OUT (default results/gpu_check): gpu_check.log and gpu_results.tar.gz (CSV, PNG,
# tables, logs). Run from the repository root:
#     bash 07_compiling/pytorch/gpu_check.sh            # 4.5 to 6 minutes on an H100/H200
# Needs python3 with torch (CUDA), numpy, pandas, matplotlib, pytest, pytest-xdist; the package
# need not be installed (PYTHONPATH is the repository root).
set -u
OUT=${OUT:-results/gpu_check}
mkdir -p "$OUT/work"
W=$OUT/work
export PYTHONPATH=$PWD MPLBACKEND=Agg PYTHONUNBUFFERED=1 HPP_OUTPUT_DIR=$W/hpp
export TORCHINDUCTOR_CACHE_DIR=$W/inductor
PY=${PYTHON:-python3}
D=06_matrix/diffusion_2d
exec > >(tee "$OUT/gpu_check.log") 2>&1

step() {  # step SECONDS NAME COMMAND...: run with a time limit, log its status, go on
    local limit=$1 name=$2
    shift 2
    if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $name "* ]]; then return; fi  # ONLY="tests ..."
    echo
    echo "=== $name: $*"
    local start=$SECONDS
    timeout "$limit" "$@" > "$W/$name.log" 2>&1
    local rc=$?
    cat "$W/$name.log"
    echo "=== $name: exit $rc after $((SECONDS - start)) s"
}

date -u
nvidia-smi | tee "$W/nvidia-smi-before.txt"
$PY -c "import torch, numpy; print('torch', torch.__version__, 'cuda', torch.version.cuda, \
'numpy', numpy.__version__, '|', torch.cuda.get_device_name(0))"

step 75 tests $PY -m pytest -p no:cacheprovider -p no:benchmark -o addopts="" --import-mode=importlib \
    -m gpu -n 4 -q -rs tests/test_gpu_study.py tests/test_06_matrix.py
step 60 figure_pytorch_vs_numpy $PY $D/figure_pytorch_vs_numpy.py \
    --sizes 256 512 1024 2048 4096 8192 --max-seconds 3 --output-dir "$W"
step 35 figure_pytorch_naive_vs_conv $PY $D/figure_pytorch_naive_vs_conv.py \
    --sizes 256 512 1024 2048 4096 8192 --max-seconds 2 --output-dir "$W"
step 35 figure_pytorch_naive_precision $PY $D/figure_pytorch_naive_precision.py \
    --sizes 512 1024 2048 4096 8192 --max-seconds 2 --error-size 512 --error-iterations 1024 \
    --output-dir "$W"
step 30 diffusion_pytorch_transfer $PY $D/diffusion_pytorch_transfer.py \
    --sizes 256 512 1024 2048 4096 --iterations 1000 --output-dir "$W"
step 25 diffusion_pytorch_highmem $PY $D/diffusion_pytorch_highmem.py --size 512 --iterations 5000
step 25 diffusion_pytorch_conv_profile $PY $D/diffusion_pytorch_conv_profile.py \
    --size 4096 --iterations 1000 --output-dir "$W"
step 10 diffusion_pytorch_compute $PY $D/diffusion_pytorch_compute.py --size 4096 --iterations 1000
step 25 compare $PY 07_compiling/pytorch/compare.py --max-seconds 2 --output-dir "$W"
step 20 gpu_monitor $PY 07_compiling/pytorch/gpu_monitor.py --sizes 256 8192 --seconds 4
step 10 random_access $PY 07_compiling/pytorch/random_access.py
step 50 bench $PY -c "from hpp.cli import main; main()" bench 06 --workload "pytorch gpu study" \
    --output "$W/bench" \
    --size book
nvidia-smi > "$W/nvidia-smi-after.txt"
date -u
tar -czf "$OUT/gpu_results.tar.gz" -C "$W" --exclude=inductor --exclude=hpp . && \
    echo "wrote $OUT/gpu_results.tar.gz ($(du -k "$OUT/gpu_results.tar.gz" | cut -f1) kB)"
rm -rf "$W"
