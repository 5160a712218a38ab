"""A rule's message is its English text (what import and CLI print) that still knows its
template and values (what the web translates)."""

import pickle
from decimal import Decimal

from clustermonitor.domain.messages import Message, _
from clustermonitor.domain.rules import ClusterFacts, allocation_problems


def test_a_message_is_the_english_text() -> None:
    message = _("unknown cluster {cluster}", cluster="VIL")

    assert message == "unknown cluster VIL"
    assert f"column cluster: {message}" == "column cluster: unknown cluster VIL"
    assert (message.template, message.params) == ("unknown cluster {cluster}", {"cluster": "VIL"})


def test_a_message_survives_pickling() -> None:
    message = pickle.loads(pickle.dumps(_("{year} is not a four-digit year", year=12)))

    assert message == "12 is not a four-digit year"
    assert isinstance(message, Message)
    assert message.params == {"year": 12}


def test_rule_messages_nest() -> None:
    facts = ClusterFacts("VIL", "spearhead", 2017, 2026)
    [(column, message)] = allocation_problems(
        year=2030, envelope="spearhead_projects", amount=Decimal("1"), cluster=facts, cap=None
    )

    assert (column, message) == ("year", "2030 is outside the pact years of VIL (2017–2026)")
    assert isinstance(message, Message)
