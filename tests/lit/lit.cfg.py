# -*- Python -*-
# egopt's lit suite. Run it from the build tree (the configured
# lit.site.cfg.py sets the tools' paths and loads this file):
#   lit -sv build/tests/lit          or   ctest -R lit   or   ninja check-lit
#
# Tests call the tools by name: the folder of the built egopt and LLVM 22's
# tool folder come first on PATH, so `egopt`, `FileCheck`, `not`, `count`,
# `opt`, `llc`, `llvm-as`, ... are the ones this build uses. `%clang` is
# clang 22 (it links and runs the objects egopt writes).
import os
import platform
import sys

import lit.formats

config.name = "egopt"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".ll", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py", "README.md"]
config.test_source_root = os.path.dirname(__file__)

egopt_binary = getattr(config, "egopt_binary", None)
if egopt_binary is None:
    lit_config.fatal("run the suite from the build tree: lit -sv BUILD/tests/lit")
config.test_exec_root = config.egopt_lit_obj_root

# The suite tests the built driver: no binary, no run (build the `egopt`
# target first; `ninja check-lit` does).
if not os.path.isfile(egopt_binary) or not os.access(egopt_binary, os.X_OK):
    lit_config.fatal("egopt is not built: %s does not exist "
                     "(build it first: ninja -C %s egopt)" % (egopt_binary, config.egopt_obj_root))
for tool in (config.filecheck, config.not_tool, config.count_tool):
    if not os.path.isfile(tool):
        lit_config.fatal("missing LLVM test tool: %s" % tool)

path = [config.egopt_tools_dir, config.llvm_tools_dir]
config.environment["PATH"] = os.pathsep.join(path + [config.environment.get("PATH", os.environ.get("PATH", ""))])
# Reproducible diagnostics: no colours, no locale-dependent messages.
config.environment["LC_ALL"] = "C"
config.environment["TERM"] = "dumb"

config.substitutions.append(("%egopt", egopt_binary))
# `%exit-code N PROGRAM ARGS...`: runs PROGRAM, succeeds when it exits with N.
config.substitutions.append(("%exit-code", '"%s" "%s"' % (
    sys.executable, os.path.join(config.test_source_root, "Inputs", "exit_code.py"))))
config.substitutions.append(("%FileCheck", config.filecheck))
config.substitutions.append(("%opt", config.opt))
config.substitutions.append(("%llc", config.llc))
if config.clang:
    config.substitutions.append(("%clang", config.clang))
    config.available_features.add("clang")
else:
    config.substitutions.append(("%clang", "false clang-22-not-found"))

# Objects for the host are linked and run only where the host is x86-64
# Linux (the hand-written IR of the run tests uses the host's default triple
# and C library calls; the lowering tests name x86-64 and need no host).
if platform.system() == "Linux" and platform.machine() in ("x86_64", "AMD64"):
    config.available_features.add("host-x86_64-linux")
if os.path.isfile(os.path.join(config.llvm_tools_dir, "ld.lld")) or any(
        os.path.isfile(os.path.join(d, "ld.lld")) for d in os.environ.get("PATH", "").split(os.pathsep) if d):
    config.available_features.add("ld.lld")
# Running as root makes unreadable files readable: tests of them need this.
if hasattr(os, "geteuid") and os.geteuid() != 0:
    config.available_features.add("non-root")
