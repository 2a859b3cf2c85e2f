"""MigrationGraph: plans forwards and backwards, roots, leaves, cycles and missing nodes."""
from __future__ import unicode_literals

import pytest

from pyframework.db.migrations.exceptions import CircularDependencyError, NodeNotFoundError
from pyframework.db.migrations.graph import MigrationGraph


def build(edges, nodes=()):
    graph = MigrationGraph()
    keys = set(nodes)
    for child, parent in edges:
        keys.update([child, parent])
    for key in sorted(keys):
        graph.add_node(key, "%s.%s" % key)
    for child, parent in edges:
        graph.add_dependency("test", child, parent)
    return graph


A1, A2, A3 = ("a", "0001"), ("a", "0002"), ("a", "0003")
B1, B2 = ("b", "0001"), ("b", "0002")


def test_forwards_plan_puts_dependencies_first_across_apps():
    graph = build([(A2, A1), (A3, A2), (B1, A1), (B2, B1), (A3, B2)])
    assert graph.forwards_plan(A3) == [A1, A2, B1, B2, A3]
    assert graph.forwards_plan(B1) == [A1, B1]


def test_backwards_plan_puts_dependents_first():
    graph = build([(A2, A1), (A3, A2), (B1, A1), (B2, B1), (A3, B2)])
    plan = graph.backwards_plan(A1)
    assert plan[-1] == A1
    assert plan.index(A3) < plan.index(A2) < plan.index(A1)
    assert plan.index(A3) < plan.index(B2) < plan.index(B1)
    assert set(plan) == set([A1, A2, A3, B1, B2])


def test_roots_and_leaves_are_per_app():
    graph = build([(A2, A1), (B1, A2), (B2, B1)])
    assert graph.root_nodes() == [A1, B1]
    assert graph.leaf_nodes() == [A2, B2]
    assert graph.leaf_nodes("b") == [B2]
    assert graph.root_nodes("a") == [A1]


def test_cycle_is_reported_with_its_nodes():
    graph = build([(A2, A1), (A1, B1), (B1, A2)])
    with pytest.raises(CircularDependencyError) as info:
        graph.ensure_not_cyclic()
    assert "a.0001" in "%s" % info.value and "b.0001" in "%s" % info.value


def test_acyclic_graph_passes_the_cycle_check():
    build([(A2, A1), (B1, A1), (A3, A2), (A3, B1)]).ensure_not_cyclic()


def test_dependency_on_a_missing_migration_names_it():
    graph = build([], nodes=[A1])
    with pytest.raises(NodeNotFoundError) as info:
        graph.add_dependency("a.0001", A1, ("c", "0001"))
    assert info.value.node == ("c", "0001")
    assert "('c', '0001')" in "%s" % info.value or "(u'c', u'0001')" in "%s" % info.value


def test_long_chain_plans_without_recursion():
    graph = MigrationGraph()
    keys = [("a", "%04d" % number) for number in range(1, 3001)]
    for key in keys:
        graph.add_node(key, None)
    for parent, child in zip(keys, keys[1:]):
        graph.add_dependency("test", child, parent)
    assert graph.forwards_plan(keys[-1]) == keys
    assert graph.backwards_plan(keys[0]) == keys[::-1]
    graph.ensure_not_cyclic()
