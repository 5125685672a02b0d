"""Open a workbook in headless LibreOffice and report what it sees, as JSON on stdout.

Run with a Python that has LibreOffice's ``uno`` module (Debian: ``/usr/bin/python3`` with
``python3-uno``), not the project's venv:

    python3 tests/lo_probe.py BOOK.xlsm [TEXT]

Reports the sheets, the Basic/VBA modules with their source, every form control with its
label and the macro its click runs, whether each such macro resolves (a module that does not
compile cannot be resolved), and the result of ``ArExcel.PyText(TEXT)`` run by LibreOffice's
VBA interpreter. LibreOffice runs with a throw-away profile so parallel runs don't collide.
"""

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def _prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def probe(path, text=None):
    profile = tempfile.mkdtemp(prefix="lo_probe_")
    pipe = f"lo_probe_{os.getpid()}"
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(300):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.1)
        if ctx is None:
            raise RuntimeError("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        # MacroExecutionMode 4: always run document macros, no prompt (headless)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)),
                                           "_blank", 0, (_prop("Hidden", True),
                                                         _prop("MacroExecutionMode", 4)))
        out = {"sheets": list(doc.Sheets.ElementNames), "modules": {}, "controls": [],
               "resolves": {}, "pytext": None}
        libraries = doc.BasicLibraries
        for lib in libraries.ElementNames:
            libraries.loadLibrary(lib)
            library = libraries.getByName(lib)
            for name in library.ElementNames:
                out["modules"][f"{lib}.{name}"] = library.getByName(name)
        provider = doc.getScriptProvider()
        for sheet_name in doc.Sheets.ElementNames:
            page = doc.Sheets.getByName(sheet_name).DrawPage
            forms = page.Forms
            for f in range(forms.Count):
                form = forms.getByIndex(f)
                for c in range(form.Count):
                    control = form.getByIndex(c)
                    scripts = [e.ScriptCode for e in form.getScriptEvents(c)
                               if e.EventMethod == "actionPerformed"]
                    out["controls"].append({"sheet": sheet_name,
                                            "label": getattr(control, "Label", None),
                                            "scripts": scripts})
                    for url in scripts:
                        try:
                            provider.getScript(url)
                            out["resolves"][url] = True
                        except Exception:
                            out["resolves"][url] = False
        if text is not None:
            script = provider.getScript(
                "vnd.sun.star.script:VBAProject.ArExcel.PyText?language=Basic&location=document")
            out["pytext"] = script.invoke((text,), (), ())[0]
        doc.close(True)
        with contextlib.suppress(Exception):  # the bridge drops as LibreOffice quits
            desktop.terminate()
        return out
    finally:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    print(json.dumps(probe(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None),
                     ensure_ascii=False))
