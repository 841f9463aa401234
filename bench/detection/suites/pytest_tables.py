"""Reading `@pytest.mark.parametrize` tables out of a test file, without importing or running it."""

import ast


def _value(node):
    """The literal value of `node`, or None when it is not a literal (a call, a name ...)."""
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None


def tables(source, filename):
    """{test function name: [dict of argument name -> literal value (None if not literal)]}.

    Only the parametrize decorators whose argument list is a literal list or tuple are read.
    """
    tree = ast.parse(source, filename)
    out = {}
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef):
            continue
        for dec in fn.decorator_list:
            if not (
                isinstance(dec, ast.Call)
                and isinstance(dec.func, ast.Attribute)
                and dec.func.attr == "parametrize"
                and len(dec.args) >= 2
            ):
                continue
            names = _value(dec.args[0])
            if isinstance(names, str):
                names = [n.strip() for n in names.split(",")]
            if not isinstance(names, (list, tuple)) or not isinstance(dec.args[1], (ast.List, ast.Tuple)):
                continue
            rows = []
            for elt in dec.args[1].elts:
                values = elt.elts if isinstance(elt, (ast.Tuple, ast.List)) else [elt]
                if len(names) == 1 and not isinstance(elt, ast.Tuple):
                    values = [elt]
                rows.append({name: _value(v) for name, v in zip(names, values)})
            out.setdefault(fn.name, []).extend(rows)
    return out
