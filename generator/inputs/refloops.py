"""Loops in graphs of references between schemas (nodes are JSON pointers), found without recursion, each node
explored once however often it is asked about: documents may hold thousands of schemas and chains of references."""

from __future__ import annotations

from collections.abc import Callable

Edges = Callable[[str], list[str]]


def leads_to_a_loop(start: str, edges: Edges, known: dict[str, bool]) -> bool:
    """Whether following ``edges`` from ``start`` can come back to a node already on the way (``start`` may be on
    the loop or lead into it). ``known`` keeps the answer for every node explored, for later questions."""
    stack, on_path = [(start, iter(edges(start)))], {start}
    while stack and start not in known:
        node, targets = stack[-1]
        target = next(targets, None)
        if target is None:
            stack.pop()
            on_path.discard(node)
            known[node] = False  # explored: no way back to anything on the way
        elif target in on_path or known.get(target):
            known.update((n, True) for n, _ in stack)
        elif target not in known:
            on_path.add(target)
            stack.append((target, iter(edges(target))))
    return known[start]


class OnALoop:
    """Whether a node lies on a loop itself (not merely leads into one): the strongly connected components of
    Tarjan's algorithm, computed as questions come."""

    def __init__(self, edges: Edges) -> None:
        self._edges = edges
        self._targets: dict[str, list[str]] = {}
        self._index: dict[str, int] = {}
        self._low: dict[str, int] = {}
        self._looped: dict[str, bool] = {}
        self._position: dict[str, int] = {}
        """Where each node of the component being found stands on the stack."""

    def targets(self, node: str) -> list[str]:
        if node not in self._targets:
            self._targets[node] = self._edges(node)
        return self._targets[node]

    def __call__(self, node: str) -> bool:
        if node not in self._looped:
            self._explore(node)
        return self._looped[node]

    def _enter(self, node: str, stack: list[str]) -> None:
        self._index[node] = self._low[node] = len(self._index)
        self._position[node] = len(stack)
        stack.append(node)

    def _explore(self, root: str) -> None:
        stack: list[str] = []
        self._enter(root, stack)
        work = [(root, iter(self.targets(root)))]
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in self._index:
                    self._enter(target, stack)
                    work.append((target, iter(self.targets(target))))
                elif target not in self._looped:  # on the stack: part of the component being found
                    self._low[node] = min(self._low[node], self._index[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                self._low[parent] = min(self._low[parent], self._low[node])
            if self._low[node] == self._index[node]:
                component = stack[self._position[node] :]
                del stack[self._position[node] :]
                looped = len(component) > 1 or node in self.targets(node)
                self._looped.update((member, looped) for member in component)
