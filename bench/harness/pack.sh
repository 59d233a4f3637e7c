#!/usr/bin/env bash
# Packs what bench/harness/scaling.py needs to measure compile-time scaling on another
# machine, one with no compiler: the egopt binary, opt, llc, llvm-split and ld.lld, every
# shared library they load (found with ldd; the C library apart, in lib/glibc, used only
# when the target's own is too old), the corpus bitcode (and the harness's csmith
# bitcode when it exists), scaling.py and benchlib.py. One .tar.xz.
#
#   bench/harness/pack.sh [OUT.tar.xz]
#
# Default OUT: build/bench-harness/egopt-scaling-DATE.tar.xz. Environment: EGOPT (the
# egopt binary, default build/tools/egopt/egopt), LLVM_BIN (default
# /usr/lib/llvm-22/bin), XZ_OPT (default -6 -T0). See docs/benchmarking.md.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
egopt=${EGOPT:-$repo/build/tools/egopt/egopt}
llvm_bin=${LLVM_BIN:-/usr/lib/llvm-22/bin}
out=${1:-$repo/build/bench-harness/egopt-scaling-$(date +%Y-%m-%d).tar.xz}
name=egopt-scaling

die() { echo "pack.sh: error: $*" >&2; exit 2; }

[[ -x $egopt ]] || die "egopt not found at $egopt (build it, or set EGOPT)"
for t in opt llc llvm-split ld.lld; do
  [[ -x $llvm_bin/$t ]] || die "$llvm_bin/$t not found (set LLVM_BIN)"
done
command -v ldd >/dev/null || die "ldd not found"
command -v xz >/dev/null || die "xz not found (apt-get install xz-utils)"
# scaling.py's default programs (its CORPUS_ORDER), -O0 flavor.
scaled="minigzip zstd lz4 xz"
for n in $scaled; do
  [[ -f $repo/build/corpus/bc/$n.o0.bc ]] ||
    die "no $n.o0.bc in build/corpus/bc (run scripts/corpus.py all --programs ${scaled// /,})"
done

stage=$(mktemp -d "${TMPDIR:-/tmp}/egopt-pack.XXXXXX")
trap 'rm -rf "$stage"' EXIT
root=$stage/$name
mkdir -p "$root/bin" "$root/lib/glibc" "$root/bc"

# The tools. ld.lld is a link to lld, which picks its flavour from the name it is run as.
cp -L "$egopt" "$root/bin/egopt"
for t in opt llc llvm-split ld.lld; do cp -L "$llvm_bin/$t" "$root/bin/$t"; done

# Their libraries. The C library (libc, libm, the dynamic loader, ...) must match the
# loader that runs a program, so it goes to lib/glibc, away from LD_LIBRARY_PATH=lib:
# scaling.py uses it only through the packed loader, on a machine whose C library is
# older than the one these tools were linked against.
is_glibc() {
  case $1 in
    ld-linux*|libc.so.*|libm.so.*|libpthread.so.*|libdl.so.*|librt.so.*|libresolv.so.*|\
    libutil.so.*|libmvec.so.*|libanl.so.*|libnsl.so.*|libBrokenLocale.so.*|libcrypt.so.*) return 0 ;;
  esac
  return 1
}
for b in "$root"/bin/*; do
  if ldd "$b" | grep -q "not found"; then
    die "$(basename "$b"): a library is missing: $(ldd "$b" | grep 'not found' | head -1)"
  fi
  ldd "$b" | while read -r line; do
    case $line in
      *"=> "/*) lib=${line%% =>*}; path=${line#*=> }; path=${path%% (*} ;;
      /*) path=${line%% (*}; lib=$(basename "$path") ;;
      *) continue ;;
    esac
    lib=$(basename "$lib")
    if is_glibc "$lib"; then dest=$root/lib/glibc/$lib; else dest=$root/lib/$lib; fi
    [[ -e $dest ]] || cp -L "$path" "$dest"
  done
done
[[ -e $root/lib/glibc/ld-linux-x86-64.so.2 ]] ||
  echo "pack.sh: note: no ld-linux-x86-64.so.2 found; only LD_LIBRARY_PATH mode will work" >&2

# egopt starts ld.lld itself (to join codegen units): in loader mode it gets this wrapper.
cat > "$root/bin/ld.lld-loader.sh" <<'EOF'
#!/bin/sh
# ld.lld through the packed dynamic loader and C library (used by scaling.py --loader).
d=$(cd "$(dirname "$0")/.." && pwd)
exec "$d/lib/glibc/ld-linux-x86-64.so.2" --library-path "$d/lib:$d/lib/glibc" "$d/bin/ld.lld" "$@"
EOF
chmod +x "$root/bin/ld.lld-loader.sh"

# The bitcode.
for n in $scaled; do cp "$repo/build/corpus/bc/$n.o0.bc" "$root/bc/"; done
ncs=0
# Each harness run keeps its own csmith programs (build/bench-harness/RUN/).
for d in "$repo"/build/bench-harness/*/csmith/seed-*; do
  if [[ -f $d/prog.bc && ! -f $root/bc/csmith-${d##*seed-}.bc ]]; then
    cp "$d/prog.bc" "$root/bc/csmith-${d##*seed-}.bc"
    ncs=$((ncs + 1))
  fi
done

cp "$here/scaling.py" "$here/benchlib.py" "$root/"
chmod +x "$root/scaling.py"

# What the tools need of the target's C library: the newest GLIBC_ symbol version.
need=$(for f in "$root"/bin/* "$root"/lib/*.so*; do
         [[ -f $f ]] && objdump -T "$f" 2>/dev/null | grep -o 'GLIBC_[0-9.]*' || true
       done | sort -u -V | tail -1)
commit=$(git -C "$repo" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
[[ -n $(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null) ]] &&
  commit="$commit (with uncommitted changes)"
{
  echo "egopt scaling pack, made $(date '+%Y-%m-%d %H:%M:%S %Z') on $(uname -m)"
  echo "egopt source: $commit"
  echo "LLVM: $("$llvm_bin/opt" --version | grep -o 'LLVM version [^ ]*' | head -1)"
  echo "needs: Linux $(uname -m), Python 3.6 or later, and a C library with ${need:-unknown}"
  echo "  (or any C library: scaling.py then starts the tools through lib/glibc)"
  echo
  echo "sha256:"
  (cd "$root" && find bin lib bc -type f | sort | xargs sha256sum)
} > "$root/MANIFEST.txt"

cat > "$root/README.txt" <<EOF
Compile-time scaling of egopt against LLVM's parallel codegen, from a packed build.

  tar xJf $(basename "$out")
  cd $name
  export LD_LIBRARY_PATH=\$PWD/lib
  ./scaling.py --threads 1,2,4,8,16 --reps 5       # needs python3 (standard library only)

Writes scaling-DATE-HOST/scaling.md (the table), scaling.csv (every compile) and
scaling-summary.csv. ./scaling.py --help lists the options. The tools need ${need:-a recent glibc}
or newer; on an older C library, scaling.py starts them through the packed one in
lib/glibc by itself (--loader always forces that). See docs/benchmarking.md in the egopt
source tree.
EOF

mkdir -p "$(dirname "$out")"
echo "pack.sh: compressing $(du -sh "$root" | cut -f1) with xz ${XZ_OPT:--6 -T0} ..."
tar -C "$stage" -cf - "$name" | XZ_OPT=${XZ_OPT:--6 -T0} xz -c > "$out.tmp"
mv "$out.tmp" "$out"
nbc=$(ls "$root"/bc/*.bc | wc -l)
echo "pack.sh: $out ($(du -h "$out" | cut -f1)): 5 tools, $(ls "$root"/lib | grep -c '\.so') libraries," \
     "$nbc bitcode modules ($ncs csmith); needs ${need:-?} (or uses lib/glibc)"
