"""Mutation testing of the modules that decide compliance, with mutmut, in a scratch copy of the checkout.

    python tools/mutation.py                      # every module in [tool.mutmut] only_mutate, its test selection
    python tools/mutation.py --sample 20 --seed 1 # a seeded random sample of 20 mutants per module
    python tools/mutation.py --module src/compgraph/questions/coverage.py \\
        --tests tests/questions/test_coverage.py --tests tests/questions/test_evidence_valid_on_its_last_day.py
    python tools/mutation.py --mutant 'compgraph.questions.coverage.x_rows__mutmut_3'   # re-check named mutants

mutmut reads its settings from pyproject.toml's [tool.mutmut]; ``--module``/``--tests`` narrow a run to one
module and the tests that matter for it (a full run is far slower than CI's budget). ``--sample N`` makes the
measurement feasible on a small machine: mutmut generates every mutant, then runs only a seeded random sample
of N per module (mutmut 3 accepts mutant names), and the score is reported per module with a 95% Wilson
interval, next to the command of the full run it estimates. The checkout is copied first so the run never
leaves ``mutants/`` or a rewritten pyproject.toml behind. Prints killed, survived and the score, and the
surviving mutants' names (``--keep``, then ``mutmut show NAME`` in the copy shows each).
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from scipy.stats import binomtest

REPO = Path(__file__).resolve().parents[1]
KILLED = {"killed", "timeout", "segfault", "caught by type check"}
# mutmut's run, given mutant names, first generates every mutant and collects which tests reach which
# function; a name matching nothing then stops it just before any mutant runs, leaving the full list.
LIST_ONLY = "compgraph.__list_mutants_only__"


def toml_list(values: list[str]) -> str:
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"


def narrowed_pyproject(text: str, modules: list[str], tests: list[str]) -> str:
    """pyproject.toml with [tool.mutmut]'s module and test selection replaced by the ones asked for."""
    if modules:
        text = re.sub(r"(?m)^only_mutate = \[[^\]]*\]", f"only_mutate = {toml_list(modules)}", text)
    if tests:
        text = re.sub(
            r"(?m)^pytest_add_cli_args_test_selection = \[[^\]]*\]",
            f"pytest_add_cli_args_test_selection = {toml_list(tests)}",
            text,
        )
    return text


def module_of(mutant: str) -> str:
    """The dotted module of a mutant: `compgraph.graph.store.xǁStoreǁquery__mutmut_3` -> `compgraph.graph.store`."""
    return mutant.rsplit(".", 1)[0]


def sample_per_module(names: Iterable[str], size: int, seed: int) -> dict[str, list[str]]:
    """A seeded random sample of at most `size` mutants of each module; the same names and seed give the same sample."""
    by_module: dict[str, list[str]] = {}
    for name in sorted(set(names)):
        by_module.setdefault(module_of(name), []).append(name)
    rng = random.Random(seed)
    return {m: sorted(rng.sample(ns, min(size, len(ns)))) for m, ns in sorted(by_module.items())}


def wilson(killed: int, total: int) -> tuple[float, float]:
    """95% Wilson score interval of the killed fraction (sound for small samples and scores near 100%)."""
    ci = binomtest(killed, total).proportion_ci(confidence_level=0.95, method="wilson")
    return float(ci.low), float(ci.high)


def read_statuses(mutmut: Path, work: Path, env: dict[str, str]) -> dict[str, str]:
    """Every generated mutant's status as `mutmut results` reports it, by mutant name."""
    res = subprocess.run([str(mutmut), "results", "--all", "true"], cwd=work, env=env, capture_output=True, text=True)
    statuses: dict[str, str] = {}
    for line in res.stdout.splitlines():
        if ":" in line:
            name, status = line.strip().rsplit(":", 1)
            statuses[name.strip()] = status.strip()
    return statuses


def report(statuses: dict[str, str], populations: dict[str, int] | None) -> list[str]:
    """Per-module killed/total lines; with `populations` (a sample), each with its 95% interval."""
    lines = []
    by_module: dict[str, list[str]] = {}
    for name, status in statuses.items():
        by_module.setdefault(module_of(name), []).append(status)
    for module, sts in sorted(by_module.items()):
        killed = sum(s in KILLED for s in sts)
        line = f"  {module}: {killed}/{len(sts)} killed ({100 * killed / len(sts):.1f}%)"
        if populations is not None:
            low, high = wilson(killed, len(sts))
            line += f", 95% CI {100 * low:.0f}-{100 * high:.0f}%, sampled from {populations[module]} mutants"
        lines.append(line)
    killed = sum(s in KILLED for s in statuses.values())
    if statuses:
        lines.append(f"mutation score: {killed}/{len(statuses)} killed ({100 * killed / len(statuses):.1f}%)")
    return lines


def full_run_command(modules: list[str], tests: list[str]) -> str:
    parts = ["python", "tools/mutation.py"]
    for m in modules:
        parts += ["--module", m]
    for t in tests:
        parts += ["--tests", t]
    return shlex.join(parts)


# Each module with the tests that exercise it directly. mutmut runs, for each mutant, every selected test
# that reaches the mutated function, so one selection for all modules made every store mutant run nearly
# the whole suite (and its clean stats run alone took over ten minutes on 2 busy cores).
GROUPS: dict[str, tuple[list[str], list[str]]] = {
    "coverage": (
        ["src/compgraph/questions/coverage.py"],
        [
            "tests/questions/test_coverage_counts_on_a_tiny_graph.py",
            "tests/questions/test_evidence_valid_on_its_last_day.py",
            "tests/questions/test_snapshot_reads_what_impact_needs.py",
            "tests/questions/test_impact.py",
            "tests/questions/test_coverage_whole_run.py",
        ],
    ),
    "trace": (
        ["src/compgraph/questions/trace.py"],
        [
            "tests/questions/test_coverage_counts_on_a_tiny_graph.py",
            "tests/questions/test_evidence_valid_on_its_last_day.py",
            "tests/questions/test_trace_on_the_tiny_graph.py",
            "tests/questions/test_trace_fresh_sample.py",
            "tests/questions/test_trace_whole_run.py",
        ],
    ),
    "impact": (
        ["src/compgraph/questions/impact.py"],
        [
            "tests/questions/test_impact.py",
            "tests/questions/test_impact_of_a_control_on_its_own.py",
            "tests/questions/test_single_points_past_a_system_without_an_id.py",
            "tests/questions/test_impact_whole_run.py",
        ],
    ),
    "checks": (
        ["src/compgraph/checks/*"],
        [
            "tests/checks/test_each_constraint.py",
            "tests/checks/test_sparql_engine.py",
            "tests/checks/test_shapes.py",
            "tests/checks/test_engine_choice.py",
            "tests/checks/test_checks_one_by_one.py",
            "tests/checks/test_checks_sampled_survivors.py",
            "tests/checks/test_checks_whole_run.py",
            "tests/checks/test_checks_whole_run2.py",
            "tests/checks/test_incremental.py",
            "tests/checks/test_incremental_cost.py",
            "tests/checks/test_incremental_focus.py",
            "tests/checks/test_incremental_digests.py",
            "tests/checks/test_query_growth.py",
            "tests/checks/test_report_iris.py",
            "tests/checks/test_report_in_part.py",
            "tests/checks/test_report_unchanged.py",
            "tests/checks/test_findings_kept.py",
            "tests/checks/test_report_printed.py",
        ],
    ),
    "catalog-build": (
        ["src/compgraph/graph/catalog.py", "src/compgraph/graph/build.py"],
        [
            "tests/graph/test_build.py",
            "tests/graph/test_catalogs.py",
            "tests/graph/test_digests_are_of_file_contents.py",
            "tests/graph/test_catalog_and_build_one_by_one.py",
            "tests/graph/test_build_whole_run.py",
            "tests/graph/test_catalog_whole_run.py",
            "tests/graph/test_sssom_whole_run.py",
            "tests/graph/test_organisation_whole_run.py",
        ],
    ),
    "store": (
        # results.py holds what store.py's answers and timed queries were until 3 December 2026; storebase.py and
        # remote.py its interface and its remote store until 6 December 2026
        ["src/compgraph/graph/store.py", "src/compgraph/graph/results.py", "src/compgraph/graph/storebase.py",
         "src/compgraph/graph/remote.py"],
        [
            "tests/graph/test_store_safety.py",
            "tests/graph/test_crash_safety.py",
            "tests/graph/test_timed_out_query_child_is_killed.py",
            "tests/graph/test_store_one_by_one.py",
            "tests/graph/test_store_sample8.py",
            "tests/graph/test_store_whole_run.py",
            "tests/graph/test_timed_query_child.py",
            "tests/graph/test_store_reads_and_export.py",
            "tests/graph/test_store_leftovers.py",
            "tests/graph/test_remote_broken_answers.py",
        ],
    ),
    "endpoint": (
        ["src/compgraph/web/views/sparql.py"],
        [
            "tests/web/test_endpoint.py",
            "tests/web/test_endpoint_guard_says_why.py",
            "tests/web/test_endpoint_over_a_remote_store.py",
            "tests/web/test_endpoint_fresh_sample.py",
            "tests/web/test_endpoint_whole_run.py",
            "tests/web/test_endpoint_format_parameter.py",
        ],
    ),
    # Word and OpenDocument files: what is refused, the hidden runs taken out and the headings' numbers written in
    # before pandoc reads the rest.
    "office": (
        ["src/compgraph/legal/office.py", "src/compgraph/legal/word_numbers.py", "src/compgraph/legal/word_text.py"],
        ["tests/legal/test_word_documents.py"],
    ),
    "duties": (
        ["src/compgraph/legal/duties.py"],
        ["tests/legal/test_ingest.py", "tests/legal/test_duty_rules_one_by_one.py"],
    ),
    # The statute import's duty extraction: structure (articles, paragraphs, points), provisions (a point
    # with its lead-in) and clauses (modality, exceptions, addressee).
    "statute": (
        ["src/compgraph/legal/statute.py", "src/compgraph/legal/statute_state.py",
         "src/compgraph/legal/labels.py", "src/compgraph/legal/provisions.py",
         "src/compgraph/legal/clauses.py", "src/compgraph/legal/headings.py",
         "src/compgraph/legal/section_numbers.py", "src/compgraph/legal/nonduty.py",
         "src/compgraph/legal/catchlines.py", "src/compgraph/legal/lead_ins.py", "src/compgraph/legal/addressees.py",
         "src/compgraph/legal/modal_words.py", "src/compgraph/legal/parties.py",
         "src/compgraph/legal/indent_conditions.py", "src/compgraph/legal/captions.py",
         # the held-out rounds' formulas, as data (thirty-fourth and thirty-fifth sessions)
         "src/compgraph/legal/code_annotations.py", "src/compgraph/legal/limits_and_effects.py",
         "src/compgraph/legal/savings_and_definitions.py", "src/compgraph/legal/permitted_as_follows.py",
         "src/compgraph/legal/caps_and_provisos.py", "src/compgraph/legal/scope_items.py",
         "src/compgraph/legal/effects_and_criteria.py", "src/compgraph/legal/spelled_numerals.py",
         "src/compgraph/legal/embedded_clauses.py",
         # round 47a (thirty-sixth session): a leave inside a definitions section; a section printed as a list item
         "src/compgraph/legal/definition_leaves.py", "src/compgraph/legal/section_items.py",
         # round 46b (thirty-sixth session): consolidation marks, a converted PDF's margin numbers, stacked labels
         "src/compgraph/legal/consolidation_marks.py", "src/compgraph/legal/pdf_section_numbers.py",
         "src/compgraph/legal/pdf_point_order.py",
         # round 47b (thirty-sixth session): two verbs sharing a lead-in's object; a contract's term that deems
         "src/compgraph/legal/shared_objects.py",
         # round 48a (thirty-seventh session): a printed act's labels as a scan gives them
         "src/compgraph/legal/printed_labels.py",
         # round 49b (thirty-seventh session): a code's sections seeded as JSON, their headings run in
         "src/compgraph/legal/code_seed_headings.py",
         # round 50b (thirty-eighth session): legislation.gov.uk's page laid out as its XML; deemings and defaults
         "src/compgraph/legal/legislation_pages.py", "src/compgraph/legal/defaults_and_deemings.py",
         # round 50a (thirty-eighth session): what may open a clause of its own after a semicolon inside a point
         "src/compgraph/legal/semicolon_limbs.py",
         # round 51b (thirty-eighth session): a provision's own operation ("shall be implemented in the same manner as")
         "src/compgraph/legal/provision_operation.py",
         # round 51a (thirty-eighth session): a PDF conversion's stranded numbers and labels; a sandbox's formulas
         "src/compgraph/legal/pdf_stranded_labels.py", "src/compgraph/legal/fulfilments_and_safe_harbours.py"],
        [
            "tests/legal/test_statutes.py",
            "tests/legal/test_printed_statutes.py",
            "tests/legal/test_municipal_codes.py",
            "tests/legal/test_roles_and_citations.py",
            "tests/legal/test_corpus.py",
            "tests/legal/test_unseen_statutes.py",
            "tests/legal/test_statute_one_by_one.py",
            "tests/legal/test_statute_sample3.py",
            "tests/legal/test_statute_sample7.py",
            "tests/legal/test_statute_whole_run.py",
            "tests/legal/test_statute_whole_run2.py",
            "tests/legal/test_statute_whole_run3.py",
            "tests/legal/test_statute_whole_run4.py",
            # The per-style files read statute text through the same import: in the twelfth session's whole run they
            # killed 129 of the first 201 mutants the list above let live, so a run without them understates the score.
            "tests/legal/test_agency_memorandum_texts.py",
            "tests/legal/test_ai_act_annexes_and_testing.py",
            "tests/legal/test_ai_governance_texts.py",
            "tests/legal/test_automated_employment_rules_text.py",
            "tests/legal/test_data_protection_parties.py",
            "tests/legal/test_holders_and_offices.py",
            "tests/legal/test_enrolled_bill_texts.py",
            "tests/legal/test_model_code_and_breach_statute_texts.py",
            "tests/legal/test_never_seen_styles.py",
            "tests/legal/test_provincial_acts_and_agency_rules.py",
            "tests/legal/test_translated_texts.py",
            "tests/legal/test_uk_and_federal_acts.py",
            "tests/legal/test_statute_leftovers.py",
            "tests/legal/test_eighteenth_round_texts.py",
            "tests/legal/test_eighteenth_round_two_texts.py",
            "tests/legal/test_nineteenth_round_texts.py",
            "tests/legal/test_nineteenth_round_two_texts.py",
            "tests/legal/test_twentieth_round_texts.py",
            "tests/legal/test_twenty_first_round_texts.py",
            "tests/legal/test_twenty_second_round_texts.py",
            "tests/legal/test_twenty_third_round_texts.py",
            "tests/legal/test_twenty_fourth_round_a_texts.py",
            "tests/legal/test_twenty_fourth_round_b_texts.py",
            "tests/legal/test_twenty_fourth_round_c_texts.py",
            "tests/legal/test_twenty_fourth_round_d_texts.py",
            "tests/legal/test_twenty_fifth_round_a_texts.py",
            "tests/legal/test_twenty_fifth_round_c_texts.py",
            "tests/legal/test_twenty_fifth_round_b_texts.py",
            "tests/legal/test_twenty_sixth_round_a_texts.py",
            "tests/legal/test_twenty_sixth_round_b_texts.py",
            "tests/legal/test_twenty_sixth_round_b_leftovers.py",
            "tests/legal/test_twenty_sixth_round_a_leftovers.py",
            "tests/legal/test_twenty_seventh_round_a_texts.py",
            "tests/legal/test_twenty_seventh_round_b_texts.py",
            "tests/legal/test_twenty_seventh_round_c_texts.py",
            "tests/legal/test_twenty_eighth_round_a_texts.py",
            "tests/legal/test_twenty_ninth_round_a_texts.py",
            "tests/legal/test_twenty_ninth_round_b_texts.py",
            "tests/legal/test_twenty_eighth_round_c_texts.py",
            "tests/legal/test_twenty_eighth_round_b_texts.py",
            "tests/legal/test_thirtieth_round_b_texts.py",
            "tests/legal/test_thirtieth_round_a_texts.py",
            "tests/legal/test_thirty_first_round_b_texts.py",
            "tests/legal/test_thirty_first_round_a_texts.py",
            "tests/legal/test_thirty_second_round_a_texts.py",
            "tests/legal/test_thirty_second_round_b_texts.py",
            "tests/legal/test_thirty_third_round_a_texts.py",
            "tests/legal/test_thirty_third_round_b_texts.py",
            "tests/legal/test_thirty_fourth_round_a_texts.py",
            "tests/legal/test_thirty_fourth_round_b_texts.py",
            "tests/legal/test_thirty_fifth_round_a_texts.py",
            "tests/legal/test_thirty_fifth_round_b_texts.py",
            "tests/legal/test_thirty_sixth_round_a_texts.py",
            "tests/legal/test_thirty_sixth_round_b_texts.py",
            "tests/legal/test_thirty_seventh_round_a_texts.py",
            "tests/legal/test_thirty_seventh_round_b_texts.py",
            "tests/legal/test_thirty_eighth_round_a_texts.py",
            "tests/legal/test_thirty_eighth_round_b_texts.py",
            "tests/legal/test_thirty_ninth_round_a_texts.py",
            "tests/legal/test_thirty_ninth_round_b_texts.py",
            "tests/legal/test_policy_clauses_and_questions.py",
            "tests/legal/test_instrument_effects.py",
            "tests/legal/test_modal_formulas.py",
            "tests/legal/test_fortieth_round_a_texts.py",
            "tests/legal/test_fortieth_round_b_texts.py",
            "tests/legal/test_forty_first_round_a_texts.py",
            "tests/legal/test_forty_second_round_a_texts.py",
            "tests/legal/test_forty_second_round_b_texts.py",
            "tests/legal/test_forty_third_round_a_texts.py",
            "tests/legal/test_forty_first_round_b_texts.py",
            "tests/legal/test_forty_third_round_b_texts.py",
            "tests/legal/test_forty_fourth_round_a_texts.py",
            "tests/legal/test_forty_fourth_round_b_texts.py",
            "tests/legal/test_forty_fifth_round_a_texts.py",
            "tests/legal/test_forty_fifth_round_b_texts.py",
            "tests/legal/test_forty_sixth_round_a_texts.py",
            "tests/legal/test_forty_seventh_round_a_texts.py",
            "tests/legal/test_forty_sixth_round_b_texts.py",
            "tests/legal/test_forty_seventh_round_b_texts.py",
            "tests/legal/test_forty_eighth_round_a_texts.py",
            "tests/legal/test_forty_eighth_round_b_texts.py",
            "tests/legal/test_forty_ninth_round_b_texts.py",
            "tests/legal/test_forty_ninth_round_a_texts.py",
            "tests/legal/test_fiftieth_round_b_texts.py",
            "tests/legal/test_fiftieth_round_a_texts.py",
            "tests/legal/test_fifty_first_round_b_texts.py",
            "tests/legal/test_fifty_first_round_a_texts.py",
        ],
    ),
}


def run_mutmut(
    modules: list[str], tests: list[str], args: argparse.Namespace, populations: dict[str, int]
) -> dict[str, str] | None:
    """Statuses of the mutants run (a sample when ``args.sample``) in a fresh scratch copy; None if none."""
    mutmut = Path(sys.executable).with_name("mutmut")
    work = Path(tempfile.mkdtemp(prefix="compgraph-mutation-"))
    try:
        shutil.copytree(
            REPO,
            work,
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns(".git", ".venv", "mutants", "__pycache__", "compgraph-data"),
        )
        pyproject = work / "pyproject.toml"
        pyproject.write_text(narrowed_pyproject(pyproject.read_text(encoding="utf-8"), modules, tests))
        # mutmut puts mutants/src first on sys.path; a PYTHONPATH naming the real sources would shadow it.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        run = [str(mutmut), "run", "--max-children", str(args.max_children)]
        print(f"modules: {', '.join(modules)}; tests: {', '.join(tests) or 'from [tool.mutmut]'}", flush=True)
        chosen: list[str] = list(args.mutant)
        if args.sample:
            subprocess.run([*run, LIST_ONLY], cwd=work, env=env, check=False, capture_output=True)
            generated = read_statuses(mutmut, work, env)
            if not generated:
                print("mutation: mutmut generated no mutants (run `mutmut run` in a --keep copy to see why)")
                return None
            for name in generated:
                populations[module_of(name)] = populations.get(module_of(name), 0) + 1
            chosen = [n for names in sample_per_module(generated, args.sample, args.seed).values() for n in names]
            print(f"sample: {len(chosen)} of {len(generated)} mutants, seed {args.seed}", flush=True)
        subprocess.run([*run, *chosen], cwd=work, env=env, check=False)
        statuses = read_statuses(mutmut, work, env)
        if chosen:
            statuses = {
                n: s for n, s in statuses.items() if n in chosen or any(fnmatch.fnmatchcase(n, c) for c in chosen)
            }
        return statuses
    finally:
        if args.keep:
            print(f"scratch copy kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", action="append", default=[], help="a source file to mutate (repeatable)")
    parser.add_argument("--tests", action="append", default=[], help="a test file or folder to run (repeatable)")
    parser.add_argument("--group", action="append", default=[], choices=sorted(GROUPS), help="a module group")
    parser.add_argument("--sample", type=int, default=0, help="run a random sample of N mutants per module")
    parser.add_argument("--seed", type=int, default=1, help="the sample's random seed")
    parser.add_argument("--mutant", action="append", default=[], help="run only this mutant (repeatable, globs ok)")
    parser.add_argument("--max-children", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the scratch copy (to `mutmut show` mutants)")
    args = parser.parse_args()
    if args.sample < 0:
        parser.error("--sample: a number of mutants per module, 1 or more")
    if args.module or args.tests or not (args.sample or args.group):
        # One run as asked (no --module: every module in [tool.mutmut] with its test selection).
        runs = [(args.module, args.tests, full_run_command(args.module, args.tests))]
    else:
        runs = [(*GROUPS[g], full_run_command(*GROUPS[g])) for g in args.group or GROUPS]
    statuses: dict[str, str] = {}
    populations: dict[str, int] = {}
    for modules, tests, _ in runs:
        started = time.monotonic()
        got = run_mutmut(modules, tests, args, populations)
        if got is None:
            return 1
        print(
            f"{', '.join(modules)}: {len(got)} mutants run in {(time.monotonic() - started) / 60:.0f} min", flush=True
        )
        statuses.update(got)
    counts: dict[str, int] = {}
    for status in statuses.values():
        counts[status] = counts.get(status, 0) + 1
    print("statuses: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    for line in report(statuses, populations if args.sample else None):
        print(line)
    if args.sample:
        print(f"sampled by: {shlex.join(['python', 'tools/mutation.py', *sys.argv[1:]])}")
        for _, _, full in runs:
            print(f"full run: {full}")
    for name, status in sorted(statuses.items()):
        if status not in KILLED:
            print(f"{status}: {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
