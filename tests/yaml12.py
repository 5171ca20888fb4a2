"""YAML read the way editors read it for schema checks: the YAML 1.2 core schema
(yaml-language-server's default), not PyYAML's YAML 1.1. So `2019-08-15` and `yes` stay
strings, `010` is ten, and mapping keys are their source text, as in JSON. Also finds
the line and column of a node by its path, to compare a schema error's place with a
cvtimeline message's.
"""
import re

import yaml


class Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's implicit types only."""

    yaml_implicit_resolvers = {}

    def construct_mapping(self, node, deep=False):
        # Keys as their source text (JSON object keys are strings); a later duplicate
        # wins, as in PyYAML (cvtimeline refuses duplicates; the good files have none).
        out = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else \
                self.construct_object(key_node, deep=deep)
            out[key] = self.construct_object(value_node, deep=deep)
        return out


def _int(loader, node):
    text = node.value
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _float(loader, node):
    text = node.value.lower()
    if text.endswith("inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    if text.endswith("nan"):
        return float("nan")
    return float(text)


_RESOLVERS = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
     list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+.0123456789")),
]
for _tag, _regexp, _first in _RESOLVERS:
    Loader.add_implicit_resolver(_tag, re.compile(_regexp), _first)
Loader.add_constructor("tag:yaml.org,2002:int", _int)
Loader.add_constructor("tag:yaml.org,2002:float", _float)


def load(text):
    """The document's data, typed as YAML 1.2."""
    return yaml.load(text, Loader=Loader)


def compose(text):
    """The document's node tree (positions on every node)."""
    return yaml.compose(text, Loader=Loader)


def position(root, path, key=None):
    """(line, column), 1-based, of the node at @path (keys and list indexes) under @root;
    with @key, of that key of the mapping at @path instead. None when there is none."""
    node = root
    for step in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            node = node.value[step] if step < len(node.value) else None
        else:
            node = None
        if node is None:
            return None
    if key is not None:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((k for k, _ in node.value if k.value == key), None)
        if node is None:
            return None
    return node.start_mark.line + 1, node.start_mark.column + 1
