"""The dependency graph of migrations: plans forwards and backwards, state at any node.

Nodes are ``(app_label, migration_name)`` keys. Plans are computed with an
explicit stack rather than recursion: long migration histories must not hit the
recursion limit, which is lower on Jython.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.db.migrations.exceptions import CircularDependencyError, NodeNotFoundError


class Node(object):
    """One migration key with its parents (dependencies) and children (dependents)."""

    __slots__ = ("key", "parents", "children")

    def __init__(self, key):
        self.key = key
        self.parents = set()
        self.children = set()

    def __repr__(self):
        return "<Node: (%r, %r)>" % self.key


class MigrationGraph(object):
    def __init__(self):
        self.node_map = {}
        self.nodes = {}

    def add_node(self, key, migration):
        if key not in self.node_map:
            self.node_map[key] = Node(key)
        self.nodes[key] = migration

    def add_dependency(self, migration, child, parent):
        """Record that ``child`` depends on ``parent``; both must be known nodes."""
        for key, role in ((child, "child"), (parent, "parent")):
            if key not in self.nodes:
                raise NodeNotFoundError(
                    "Migration %s dependencies reference nonexistent %s node %r" % (migration, role, key),
                    key, origin=migration)
        self.node_map[child].parents.add(self.node_map[parent])
        self.node_map[parent].children.add(self.node_map[child])

    def _walk(self, target, edges):
        """Post-order walk from ``target`` along ``edges`` ('parents' or 'children'), sorted for stable plans."""
        if target not in self.node_map:
            raise NodeNotFoundError("Node %r not a valid node" % (target,), target)
        result = []
        seen = set()
        stack = [(self.node_map[target], False)]
        while stack:
            node, expanded = stack.pop()
            if expanded:
                if node.key not in seen:
                    seen.add(node.key)
                    result.append(node.key)
                continue
            if node.key in seen:
                continue
            stack.append((node, True))
            # Reverse-sorted push so the smallest key is visited first.
            for nxt in sorted(getattr(node, edges), key=lambda n: n.key, reverse=True):
                if nxt.key not in seen:
                    stack.append((nxt, False))
        return result

    def forwards_plan(self, target):
        """Every migration ``target`` needs, dependencies first, ending with ``target``."""
        return self._walk(target, "parents")

    def backwards_plan(self, target):
        """Every migration depending on ``target``, dependents first, ending with ``target``."""
        return self._walk(target, "children")

    def root_nodes(self, app=None):
        """Nodes with no parent inside their own app."""
        return sorted(
            key for key in self.nodes
            if (app is None or key[0] == app)
            and all(parent.key[0] != key[0] for parent in self.node_map[key].parents))

    def leaf_nodes(self, app=None):
        """Nodes with no child inside their own app: the latest migration(s) of each app."""
        return sorted(
            key for key in self.nodes
            if (app is None or key[0] == app)
            and all(child.key[0] != key[0] for child in self.node_map[key].children))

    def ensure_not_cyclic(self):
        """Raise CircularDependencyError naming a cycle, if there is one (iterative three-colour DFS)."""
        done = set()
        for start in sorted(self.nodes):
            if start in done:
                continue
            on_path = [start]
            path_set = set(on_path)
            iterators = [iter(sorted(p.key for p in self.node_map[start].parents))]
            while iterators:
                nxt = next(iterators[-1], None)
                if nxt is None:
                    iterators.pop()
                    finished = on_path.pop()
                    path_set.discard(finished)
                    done.add(finished)
                    continue
                if nxt in path_set:
                    cycle = on_path[on_path.index(nxt):] + [nxt]
                    raise CircularDependencyError(", ".join("%s.%s" % key for key in cycle))
                if nxt in done:
                    continue
                on_path.append(nxt)
                path_set.add(nxt)
                iterators.append(iter(sorted(p.key for p in self.node_map[nxt].parents)))

    def validate_consistency(self):
        """Every node must have a migration (dummy nodes come from missing dependencies)."""
        for key in self.node_map:
            if key not in self.nodes:
                raise NodeNotFoundError("Migration %r is missing" % (key,), key)

    def make_state(self, nodes=None, at_end=True, real_apps=None):
        """The ProjectState after (``at_end``) or before the migrations ``nodes`` (default: all leaves)."""
        from pyframework.db.migrations.state import ProjectState

        if nodes is None:
            nodes = self.leaf_nodes()
        if not nodes:
            return ProjectState(real_apps=real_apps)
        if not isinstance(nodes[0], tuple):
            nodes = [nodes]
        plan = []
        for node in nodes:
            for key in self.forwards_plan(node):
                if key not in plan and (at_end or key not in nodes):
                    plan.append(key)
        state = ProjectState(real_apps=real_apps)
        for key in plan:
            state = self.nodes[key].mutate_state(state, preserve=False)
        return state

    def __contains__(self, key):
        return key in self.nodes

    def __repr__(self):
        edges = sum(len(node.parents) for node in self.node_map.values())
        return "<%s: nodes=%s, edges=%s>" % (self.__class__.__name__, len(self.nodes), edges)
