"""Event location: which place of a sentence is where its event happened (invented sentences)."""

from __future__ import annotations

import numpy as np
import pytest

from eventwire.context import DocContext
from eventwire.extract.places.event_location import (
    _place_in_trigger_setting,
    candidate_rows_for_event,
    choose_location,
    locator_rules,
)
from eventwire.extract.places.location_candidates import extra_candidates
from eventwire.extract.places.location_features import (
    SINGLE_MODEL_FILE,
    compile_trees,
    context_features,
    decisive,
    location_model,
    model_row,
    most_probable,
    probability,
    tree_sum,
    tree_value,
    vector_kind,
)
from eventwire.model import DocResult, Document, Event, Evidence, Span
from eventwire.nlp.encoder import encoder


def _event_at(pipeline, text: str, verb: str):
    """The parsed doc, an event standing on `verb` (as the evaluation makes one) and the place mentions."""
    doc = pipeline.nlp(text)
    ctx = DocContext(Document(id="t", text=text), doc, DocResult(doc_id="t"))
    for name, component in zip(pipeline.component_names, pipeline.components, strict=True):
        if name == "event_locations":
            break
        component(ctx)
    start = text.index(verb)
    sentence = doc.char_span(start, start + len(verb)).sent
    event = Event(
        id="e",
        type="UNKNOWN",
        trigger=Span(verb, start, start + len(verb)),
        evidence=Evidence(sentence.text, sentence.start_char, sentence.end_char),
    )
    return doc, event, ctx.place_mentions


def _located(pipeline, text: str, verb: str) -> str | None:
    """The location text the locator gives an event standing on `verb`."""
    chosen = choose_location(*_event_at(pipeline, text, verb))
    return chosen[0].place.text if chosen else None


INVENTED = [
    ("Officials in Kyiv said Russian missiles struck a power plant in Kharkiv overnight.", "struck", "Kharkiv"),
    ("Gunmen attacked a police station near Kandahar on Monday, killing three officers.", "attacked", "Kandahar"),
    ("Protesters marched through central Lagos, the largest city of Nigeria.", "marched", "Lagos"),
]


@pytest.mark.parametrize(("text", "verb", "place"), INVENTED)
def test_shipped_model_knows_the_features_the_code_makes(pipeline, text, verb, place):
    """Model file and feature code agree: every feature of these plain sentences is one the trees know (a
    renamed feature would silently read 0 until the model is refitted), and the model picks the scene."""
    model = location_model()
    rows = candidate_rows_for_event(*_event_at(pipeline, text, verb), vectors=vector_kind(model))
    assert rows
    features = {m.place.text: model_row(f, v, model.get("projection")) for m, f, v in rows}
    assert {name for row in features.values() for name in row} <= set(model["features"])
    probabilities = {name: probability(row, model) for name, row in features.items()}
    best = max(probabilities, key=probabilities.__getitem__)
    assert best == place and probabilities[best] >= model["threshold"]


def test_model_file_is_shipped_with_a_threshold_and_trees():
    model = location_model()
    assert model is not None
    assert 0.0 < model["threshold"] < 1.0 and len(model["trees"]) > 10
    assert {"candidate", "trigger", "product"} <= set(model["projection"])


def test_model_fits_the_vectors_it_reads(nlp):
    """The trees read context vectors through a fitted projection: the parse's tok2vec rows (another spaCy
    model of another width needs a refit) or MiniLM's (another encoder release needs a refit)."""
    from importlib import metadata

    from training.fit_event_location import ENCODER_PACKAGE

    for model in (location_model(), location_model(SINGLE_MODEL_FILE)):
        if vector_kind(model) == "minilm":
            assert model["encoder"] == f"{ENCODER_PACKAGE}=={metadata.version(ENCODER_PACKAGE)}"
        else:
            assert vector_kind(model) == "tok2vec"
            assert len(model["projection"]["candidate"]["mean"]) == nlp("A town.").tensor.shape[1]


def test_the_encoder_runs_only_where_the_tok2vec_model_is_unsure(pipeline, monkeypatch):
    """An event with one candidate place, or with candidates the tok2vec model clearly tells apart, is weighed
    on the parse's own tok2vec rows: no MiniLM pass. Where that model is unsure the main model runs the encoder."""
    import eventwire.extract.places.event_location as event_location

    assert vector_kind(location_model(SINGLE_MODEL_FILE)) == "tok2vec"
    calls = []

    def counting_encoder():
        calls.append(1)
        return encoder()

    event_location._encoded.cache_clear()
    monkeypatch.setattr(event_location, "encoder", counting_encoder)
    assert _located(pipeline, "Gunmen attacked a police station near Kandahar on Monday.", "attacked") == "Kandahar"
    assert calls == []
    text = "Officials in Kyiv said Russian missiles struck a power plant in Kharkiv overnight."
    assert _located(pipeline, text, "struck") == "Kharkiv"
    assert calls == []
    text = "Police in Lagos arrested 12 people after clashes in Abuja and Kano."
    _located(pipeline, text, "arrested")  # where the arrests were is unclear: the tok2vec model is unsure
    assert calls


def test_the_tok2vec_model_is_decisive_only_when_sure():
    assert decisive([0.9, 0.2, 0.05])  # one clearly likely, the others clearly not
    assert decisive([0.08, 0.05])  # none even remotely likely
    assert not decisive([0.9, 0.5])  # a second candidate still plausible
    assert not decisive([0.6, 0.1])  # the best not sure enough
    assert not decisive([0.2, 0.15])  # neither sure nor ruled out


def test_place_of_the_reported_event_not_of_the_speaker(pipeline):
    text = "Officials in Kyiv said Russian missiles struck a power plant in Kharkiv overnight."
    assert _located(pipeline, text, "struck") == "Kharkiv"


def test_hometown_of_a_victim_is_not_the_scene(pipeline):
    text = "John Carter, 34, of Atlanta, was shot dead outside a bar in Denver on Friday."
    assert _located(pipeline, text, "shot") == "Denver"


def test_village_missing_from_the_gazetteer_is_found(pipeline):
    text = "Gunmen killed four farmers in the village of Tal Zawrak on Sunday, police said."
    assert _located(pipeline, text, "killed") == "Tal Zawrak"


def test_sentence_without_a_place_stays_unlocated(pipeline):
    assert _located(pipeline, "The rebels captured two soldiers after a long battle.", "captured") is None


def test_extra_candidates_stay_out_of_the_place_list(pipeline):
    text = "Troops stormed the Qarnawi quarter before dawn."
    result = pipeline.extract(text)
    assert all("Qarnawi" not in place["text"] for place in result["places"])


def test_extra_candidates_in_locative_positions_or_anywhere(nlp):
    rules = {**locator_rules(), "names_anywhere": False}
    located = nlp("Soldiers patrolled near Bir Zaytun overnight.")
    assert [m.place.text for m in extra_candidates(located[:], [], rules)] == ["Bir Zaytun"]
    subject = nlp("Yesterday Bir Zaytun announced a new budget.")
    assert extra_candidates(subject[:], [], rules) == []
    anywhere = extra_candidates(subject[:], [], {**rules, "names_anywhere": True})
    assert [m.place.text for m in anywhere] == ["Bir Zaytun"]


def test_an_unknown_name_carries_its_position_as_a_feature(pipeline):
    rows = candidate_rows_for_event(*_event_at(pipeline, "Rebels stormed Tal Zawrak and Kafr Deen.", "stormed"))
    positions = {m.place.text: {k for k in f if k.startswith("extra_position=")} for m, f, _ in rows}
    assert positions and all(p == {"extra_position=object"} for p in positions.values())


def _stump_model(threshold: float) -> dict:
    """One tree: "good" above 0.5 adds 3, else -1 (baseline 0)."""
    tree = [[0, 0.5, 1, 2, 0.0], [-1, 0.0, 0, 0, -1.0], [-1, 0.0, 0, 0, 3.0]]
    return {"features": ["good"], "trees": [tree], "baseline": 0.0, "threshold": threshold}


def test_tree_values_go_left_at_or_below_the_threshold():
    tree = _stump_model(0.5)["trees"][0]
    assert tree_value(tree, [0.5]) == -1.0 and tree_value(tree, [0.6]) == 3.0


def test_compiled_trees_sum_as_the_shipped_trees():
    """`probability` reads compiled trees: the same total, to the last bit, as `tree_value` over the stored ones."""
    model = location_model(SINGLE_MODEL_FILE)
    rng = np.random.default_rng(3)
    for _ in range(50):
        row = [float(v) for v in rng.choice([0.0, 1.0, -0.7, 2.5], size=len(model["features"]))]
        assert tree_sum(compile_trees(model["trees"]), row) == sum(tree_value(tree, row) for tree in model["trees"])


def test_the_choice_abstains_below_threshold():
    model = _stump_model(0.5)
    probabilities = [probability(row, model) for row in ({}, {"good": 1.0})]
    assert most_probable(probabilities, model["threshold"]) == 1
    assert most_probable([probability({}, model)] * 2, model["threshold"]) is None


def test_context_vectors_read_the_whole_sentence(pipeline):
    """A candidate's MiniLM vector depends on the rest of the sentence, read whole."""
    near = candidate_rows_for_event(*_event_at(pipeline, "Troops shelled Marinka on Monday.", "shelled"), "minilm")
    text = "Troops shelled Marinka on Monday, long after the last football match there had ended."
    far = candidate_rows_for_event(*_event_at(pipeline, text, "shelled"), "minilm")
    (_, _, (place_near, trigger_near)), (_, _, (place_far, _)) = near[0], far[0]
    assert place_near.shape == trigger_near.shape == (384,)
    assert not np.allclose(place_near, place_far, atol=1e-3)


def test_context_features_project_each_block():
    projection = {
        name: {"mean": np.zeros(3), "directions": np.eye(3)[:2]} for name in ("candidate", "trigger", "product")
    }
    features = context_features(np.array([1.0, 0.0, 0.0]), np.array([0.0, 2.0, 0.0]), projection)
    assert features["ctx_candidate_0"] == 1.0 and features["ctx_trigger_1"] == 2.0
    assert features["ctx_cosine"] == 0.0 and features["ctx_product_0"] == 0.0


def test_a_meeting_is_placed_by_the_town_of_its_own_setting(pipeline):
    text = "The union leaders met the labour minister at the party headquarters in Lyon on Monday."
    met = next(e for e in pipeline.extract(text, published_at="2024-03-14")["events"] if e["trigger"]["text"] == "met")
    assert met["location"]["name"] == "Lyon"
    assert text[met["location"]["start"] : met["location"]["end"]] == "Lyon"


def test_a_statement_is_placed_where_it_was_made(pipeline):
    text = "The party secretary, in a statement he signed in Abuja, accused the chairman of fraud."
    events = pipeline.extract(text, published_at="2024-03-14")["events"]
    accused = next(e for e in events if e["trigger"]["text"] == "accused")
    assert accused["location"]["name"] == "Abuja"


def _event_on(pipeline, text: str, trigger: str) -> dict:
    events = pipeline.extract(text, published_at="2024-03-14")["events"]
    return next(e for e in events if e["trigger"]["text"] == trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("The foreign minister, on a two-day visit to Lisbon, urged the banks to lower their fees.", "urged", "Lisbon"),
        ("During a trip to Nairobi on Friday the envoy criticised the new tax on seeds.", "criticised", "Nairobi"),
        ("The defence minister visited the army barracks in Lyon and praised the recruits.", "visited", "Lyon"),
    ],
)
def test_a_statement_is_placed_where_its_speaker_went(pipeline, text, trigger, place):
    located = _event_on(pipeline, text, trigger)["location"]
    assert located is not None and located["name"] == place
    assert text[located["start"] : located["end"]] == place


def test_a_place_the_speaker_came_from_does_not_place_the_statement(pipeline):
    text = "The envoy arrived from Lisbon on Monday and urged the banks to lower their fees."
    located = _event_on(pipeline, text, "urged")["location"]
    assert located is None or located["name"] != "Lisbon"


def test_an_act_off_a_coast_is_at_sea_off_that_place(pipeline):
    text = "The navy seized a fishing boat off the coast of Sicily on Sunday."
    located = _event_on(pipeline, text, "seized")["location"]
    assert located["name"] == "Sicily" and located["precision"] == 7 and located["precision_name"] == "water"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The envoy said she had not visited the Lisbon relatives of the sailor and urged calm.", "urged"),
        ("The minister arrived in Lisbon on Monday, and the unions urged the banks to lower their fees.", "urged"),
    ],
)
def test_a_visit_places_only_its_own_clause(pipeline, text, trigger):
    located = _event_on(pipeline, text, trigger)["location"]
    assert located is None or located["source"] != "sentence" or located["name"] != "Lisbon"


def test_a_participle_is_said_where_its_governing_verb_is(pipeline):
    text = "In Lisbon, the minister gave a first answer to the ruling, warning against excessive optimism."
    located = _event_on(pipeline, text, "warning")["location"]
    assert located is not None and located["name"] == "Lisbon"
    text = "The father turned on his Lisbon relatives on Sunday, accusing them of lying."
    located = _event_on(pipeline, text, "accusing")["location"]
    assert located is None or located["name"] != "Lisbon"


def test_a_closing_phrase_on_a_coordinated_verb_places_the_first_too(pipeline):
    """ "killed and injured in a blast in X": the phrase on the later verb is the setting of both; a country
    naming whose embassy it was is not where it lies."""
    text = "Four guards were killed and at least nine injured in a mortar attack outside the U.S. embassy in Bamako."
    setting = _place_in_trigger_setting(*_event_at(pipeline, text, "killed"))
    assert setting is not None and setting.place.text == "Bamako"


def test_a_coordinated_clause_with_its_own_subject_lends_no_place(pipeline):
    text = "The council refused, and soldiers stormed the mayor's office in Gao on Sunday."
    assert _place_in_trigger_setting(*_event_at(pipeline, text, "refused")) is None


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("Officials in Lisbon denied that the navy had fired on the trawler.", "denied", "Lisbon"),
        ("The mayor is being investigated by a grand jury in Newark.", "investigated", "Newark"),
        ("Exiles in Miami and Madrid condemned the new law.", "condemned", None),
    ],
)
def test_a_statement_is_placed_where_its_speaker_is(pipeline, text, trigger, place):
    """The speaker's own in/at phrase places a statement nothing else places; two places say nothing."""
    location = _event_on(pipeline, text, trigger)["location"]
    assert (location["text"] if location else None) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Chilean State Councilor and Foreign Minister Ana Ruiz met with Norwegian Prime Minister Tomas Berg "
            "in Oslo, Norway on Monday.",
            "Oslo",
        ),
        ("The Kenyan trade minister met with the Ugandan envoy Paul Oketch in Kampala on Tuesday.", "Kampala"),
        ("Chilean Foreign Minister Ana Ruiz met with exiles in Oslo and Bergen last week.", None),
        ("The rebel council said it met with Peruvian diplomats in Bolivia on Friday.", "Bolivia"),
    ],
)
def test_a_meeting_is_held_where_the_one_met_is_placed(pipeline, text, place):
    """ "met with X in Moscow": the parse hangs the phrase on the person (a country too); a list of towns says
    nothing."""
    location = _event_on(pipeline, text, "met")["location"]
    assert (location["text"] if location else None) == place


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("The rebel leaders held secret talks with Chilean ministers in Lima.", "talks", "Lima"),
        ("The envoy wrapped up a long meeting with the Peruvian president in Lima on Monday.", "meeting", "Lima"),
    ],
)
def test_a_nominal_meeting_is_held_where_the_one_met_is_placed(pipeline, text, trigger, place):
    """ "held talks with X in London", "a meeting with X in Baghdad": the "with" of the noun or of its verb."""
    event = _event_on(pipeline, text, trigger)
    assert event["type"] == "CONSULT"
    assert (event["location"]["text"] if event["location"] else None) == place


def test_police_named_by_nationality_act_in_their_country(pipeline):
    """ "Kenyan police arrested ...": police act at home; no nationality, no place."""
    arrested = _event_on(pipeline, "Kenyan police arrested two men suspected of smuggling ivory.", "arrested")
    assert arrested["location"]["country"] == "KEN" and arrested["location"]["precision"] == 6
    assert arrested["location"]["text"] == "Kenyan"
    plain = _event_on(pipeline, "Police arrested two men suspected of smuggling ivory.", "arrested")
    assert plain["location"] is None
    border = _event_on(pipeline, "Two smugglers were shot dead by Kenyan border police.", "shot")
    assert border["location"] is None  # a border force acts at the border, on either side


@pytest.mark.parametrize(
    ("text", "trigger", "name", "span"),
    [
        ("Gunmen opened fire at a market in the Iraqi capital on Sunday.", "opened", "Baghdad", "Iraqi capital"),
        ("A bomb exploded at a mosque in the Afghan capital, Kabul, on Friday.", "exploded", "Kabul", "Kabul"),
    ],
)
def test_a_capital_named_by_its_nationality_is_that_capital(pipeline, text, trigger, name, span):
    """ "the Iraqi capital" is Baghdad, its span the phrase; a name in apposition is the place itself."""
    location = _event_on(pipeline, text, trigger)["location"]
    assert location["name"] == name and text[location["start"] : location["end"]] == span


def test_a_capital_spoken_of_is_no_setting(pipeline):
    text = "Police killed three students who were protesting against a new plan for the Kenyan capital."
    assert _event_on(pipeline, text, "killed")["location"] is None


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        (
            "In Lima, the opposition leader joined the mayor at a packed rally to press for new elections.",
            "press",
            "Lima",
        ),
        (
            "In his Sunday service at the cathedral in Cusco, the bishop condemned the killing but he urged the "
            "faithful to stay calm.",
            "urged",
            "Cusco",
        ),
        ("In Lima, officials said the rebels had threatened to attack the port.", "threatened", None),
    ],
)
def test_a_fronted_setting_places_the_statements_of_its_clause(pipeline, text, trigger, place):
    """ "In Havana, X joined ... to press for": a phrase before the subject sets the clause's statements, also
    those coordinated with its verb; not a reported clause's."""
    location = _event_on(pipeline, text, trigger)["location"]
    assert (location["text"] if location else None) == place


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("A Lima military court has indicted two men accused of the bombing.", "indicted", "Lima"),
        ("The Lima relatives filed a lawsuit against the ministry.", "filed", None),
    ],
)
def test_a_court_or_police_acts_in_the_town_its_name_holds(pipeline, text, trigger, place):
    """ "a Bangkok military court has indicted": an institution acts in its town; relatives only come from it."""
    location = _event_on(pipeline, text, trigger)["location"]
    assert (location["text"] if location else None) == place


def test_the_sentence_before_telling_where_it_happened_places_its_consequences(pipeline):
    """ "The rally took place in Cusco. Four students were arrested": the act's consequences told next take the
    place the sentence before gives it (a report naming two towns, so no report town)."""
    text = (
        "Police clashed with farmers in Arequipa last week. On Friday protesters marched on the ministry. "
        "The rally took place in Cusco. Four students were arrested by the police."
    )
    location = _event_on(pipeline, text, "arrested")["location"]
    assert location is not None and location["text"] == "Cusco" and location["source"] == "adjacent"


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("Peru expelled four Chilean diplomats on Monday.", "expelled", "PER"),
        ("Bolivian authorities deported two foreign journalists on Monday.", "deported", "BOL"),
        ("Bolivia has arrested two foreign journalists.", "arrested", None),
    ],
)
def test_a_state_arrests_and_expels_at_home(pipeline, text, trigger, country):
    """ "Tanzania expelled five Iraqis": the state's own territory, at country precision; an arrest may be made
    abroad."""
    location = _event_on(pipeline, text, trigger)["location"]
    assert (location["country"] if location else None) == country
    assert location is None or location["precision"] == 6


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("The police arrested the mayor in Lima on Monday and charged him with fraud.", "charged", "Lima"),
        ("The rebels attacked a police post in Cusco, and the government accused them of treason.", "accused", None),
    ],
)
def test_a_statement_coordinated_with_a_placed_verb_is_made_there(pipeline, text, trigger, place):
    """ "opened proceedings at its headquarters in Switzerland and charged Liverpool": the verb sharing the
    subject shares the place; a clause with its own subject does not."""
    location = _event_on(pipeline, text, trigger)["location"]
    assert (location["text"] if location else None) == place


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        (
            "Cholera may be spreading in Peru's Loreto region, doctors report; however, the region's governor "
            "denies the claims.",
            "denies",
            "Loreto",
        ),
        (
            "Cholera may be spreading in Peru, doctors report; however, the country's president denies the claims.",
            "denies",
            None,
        ),
    ],
)
def test_a_local_office_named_by_a_definite_place_noun_holds_the_place_named_before(pipeline, text, trigger, place):
    """ "the state's governor denies": the one state the sentence named before; a country's leader may be abroad."""
    location = _event_on(pipeline, text, trigger)["location"]
    assert (location["text"] if location else None) == place


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a headline's common words in capitals, a soldier named by his rank, a part of a name told whole before
        ("Rebels Take Control of Airport After Heavy Fighting", "Fighting"),
        ("Sergeant Tom Hadley was killed by a roadside bomb while on patrol, the ministry said.", "killed"),
        (
            "Russian police detained opposition leader Alexei Navalny on Sunday, his spokeswoman said. "
            "Thousands had demonstrated for Navalny.",
            "demonstrated",
        ),
    ],
)
def test_a_name_that_is_no_place_locates_nothing(pipeline, text, trigger):
    assert _located(pipeline, text, trigger) in (None, "Airport")


def test_an_unknown_village_is_still_a_place(pipeline):
    text = "Government forces shelled Teldau on Friday, killing dozens of civilians."
    assert _located(pipeline, text, "shelled") == "Teldau"
