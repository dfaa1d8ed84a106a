#!/usr/bin/env bash
# The CLI contract of DESIGN.md, checked on the real binary: exit codes,
# stdout only on success, a Dutch message on stderr on bad input.
set -u
ivp="$1"
fail=0; passed=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

check() {  # name expected_status command...
  local name=$1 want=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"; local got=$?
  if [ "$got" != "$want" ]; then echo "FAIL $name: exit $got, expected $want"; cat "$tmp/err"; fail=$((fail+1)); return 1; fi
  if [ "$want" = 2 ]; then
    if [ -s "$tmp/out" ]; then echo "FAIL $name: stdout not empty on error"; fail=$((fail+1)); return 1; fi
    if ! grep -q . "$tmp/err"; then echo "FAIL $name: no message on stderr"; fail=$((fail+1)); return 1; fi
  fi
  passed=$((passed+1)); return 0
}
expect_out() {  # name expected_stdout
  if [ "$(cat "$tmp/out")" != "$2" ]; then echo "FAIL $1: got '$(cat "$tmp/out")', expected '$2'"; fail=$((fail+1)); else passed=$((passed+1)); fi
}
expect_err() {  # name pattern
  if ! grep -q -- "$2" "$tmp/err"; then echo "FAIL $1: stderr lacks '$2': $(cat "$tmp/err")"; fail=$((fail+1)); else passed=$((passed+1)); fi
}

check default 0 "$ivp" calc --default --today 2026-11-23
# The ALS protocol's table as printed (table_budget); budget is the personal
# plan: with no answers every row, and aanbouw or zorgunit at most once.
ranges=$(node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")), t=r.table_budget, b=r.budget;
  const cell=(c)=>({min:c.min,max:c.max});
  console.log(JSON.stringify([cell(t.wmo.client_bound),cell(t.wmo.reusable),cell(t.zvw.client_bound),cell(t.zvw.reusable),
    t.wmo.printed_total,t.zvw.printed_total,b.wmo.reusable,b.zvw.reusable]))' "$tmp/out")
if [ "$ranges" = '[{"min":35000,"max":55000},{"min":75000,"max":108000},{"min":19000,"max":19000},{"min":95000,"max":140000},150000,150000,{"max":108000,"min":88000},{"max":140000,"min":140000}]' ]; then
  passed=$((passed+1)); else echo "FAIL default_ranges: $ranges"; fail=$((fail+1)); fi
echo '{"provisions":["traplift"],"melding":"2026-11-23"}' > "$tmp/s.json"
check file 0 "$ivp" calc "$tmp/s.json"
check stdin 0 "$ivp" calc < "$tmp/s.json"
check werkdagen 0 "$ivp" werkdagen 2026-12-24 1 && expect_out werkdagen_value "2026-12-28"
check werkdagen_negative 0 "$ivp" werkdagen 2026-12-28 -1 && expect_out werkdagen_negative_value "2026-12-24"
check feestdagen 0 "$ivp" feestdagen 2026
[ "$(head -1 "$tmp/out")" = "2026-01-01 Nieuwjaarsdag" ] && passed=$((passed+1)) || { echo "FAIL feestdagen_first_line"; fail=$((fail+1)); }
# 2026: nine days of Atw art. 3 lid 1 and 2, plus two days made equal under
# lid 3 (Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, …).
[ "$(wc -l < "$tmp/out")" = 11 ] && passed=$((passed+1)) || { echo "FAIL feestdagen_count"; fail=$((fail+1)); }
check werkdagen_lid3 0 "$ivp" werkdagen 2026-05-13 1 && expect_out werkdagen_lid3_value "2026-05-18"
check ics 0 "$ivp" ics --default --today 2026-11-23
[ "$(head -c 17 "$tmp/out")" = "$(printf 'BEGIN:VCALENDAR\r\n')" ] && passed=$((passed+1)) || { echo "FAIL ics_first_line"; fail=$((fail+1)); }
echo '{"dates":{"aanvraag":"2026-01-01"},"melding":"2026-03-02"}' > "$tmp/early.json"
check ics_bad 2 "$ivp" ics "$tmp/early.json" && expect_err ics_bad_where "/dates/aanvraag"
check validate 0 "$ivp" validate
check summary 0 "$ivp" samenvatting --default
grep -q "^Eigen bijdrage (Wmo): " "$tmp/out" && passed=$((passed+1)) || { echo "FAIL summary_eigen_bijdrage"; fail=$((fail+1)); }

echo 'niet json' > "$tmp/bad.json"
check bad_json 2 "$ivp" calc "$tmp/bad.json" && expect_err bad_json_msg "geen geldige JSON"
echo '{"overrides":{"traplift":{"amount":-5}}}' > "$tmp/neg.json"
check negative 2 "$ivp" calc "$tmp/neg.json" && expect_err negative_where "/overrides/traplift/amount"
check missing_file 2 "$ivp" calc "$tmp/bestaat-niet.json" && expect_err missing_msg "Kan het bestand"
check bad_date 2 "$ivp" werkdagen 2027-02-29 3 && expect_err bad_date_msg "geen bestaande datum"
check bad_n 2 "$ivp" werkdagen 2026-01-05 drie && expect_err bad_n_msg "geen heel getal"
check out_of_range 2 "$ivp" werkdagen 2099-12-30 10 && expect_err range_msg "buiten de kalender"
check bad_year 2 "$ivp" feestdagen 1900 && expect_err bad_year_msg "buiten de kalender"
check no_command 2 "$ivp"
check unknown_command 2 "$ivp" rekenen
check unknown_option 2 "$ivp" calc --standaard
printf '%s\n' '{"rule":{"+":[1,"2"]}}' '{"rule":{"*":[]}}' > "$tmp/jl.txt"
check jsonlogic 0 "$ivp" jsonlogic < "$tmp/jl.txt" &&
  expect_out jsonlogic_out "$(printf '%s\n' '{"result":3.0}' '{"error":"Reduce of empty array with no initial value"}')"
printf '%s\n' '{"rule":1}' 'kapot' > "$tmp/jl-bad.txt"
check jsonlogic_bad_line 2 "$ivp" jsonlogic < "$tmp/jl-bad.txt" && expect_err jsonlogic_where "invoerregel 2"
echo '{"profile":{"ov_mogelijk":"nee"}}' > "$tmp/fact.json"
check bad_fact 2 "$ivp" calc "$tmp/fact.json" && expect_err bad_fact_where "/profile/ov_mogelijk"
check empty_stdin 2 "$ivp" calc < /dev/null

# Letters (docs/kit.md): the golden texts, and exit 2 where no letter applies.
golden="$(dirname "$0")/../golden/letters"
check brief_ingebrekestelling 0 "$ivp" brief ingebrekestelling "$golden/late.json" &&
  { cmp -s "$tmp/out" "$golden/late.ingebrekestelling.txt" && passed=$((passed+1)) || { echo "FAIL brief_ingebrekestelling_golden"; diff "$tmp/out" "$golden/late.ingebrekestelling.txt" | head; fail=$((fail+1)); }; }
check brief_bezwaar 0 "$ivp" brief bezwaar "$golden/decided.json" &&
  { cmp -s "$tmp/out" "$golden/decided.bezwaar.txt" && passed=$((passed+1)) || { echo "FAIL brief_bezwaar_golden"; diff "$tmp/out" "$golden/decided.bezwaar.txt" | head; fail=$((fail+1)); }; }
check brief_bezwaar_stdin 0 "$ivp" brief bezwaar < "$golden/decided.json"
check brief_no_beschikking 2 "$ivp" brief bezwaar "$tmp/s.json" && expect_err brief_no_beschikking_where "/dates/beschikking"
echo '{"melding":"2026-03-02","dates":{"aanvraag":"2026-04-10"},"peildatum":"2026-04-20"}' > "$tmp/running.json"
check brief_term_running 2 "$ivp" brief ingebrekestelling "$tmp/running.json" && expect_err brief_term_running_msg "kan nog niet"
check brief_no_aanvraag 2 "$ivp" brief ingebrekestelling "$tmp/s.json" && expect_err brief_no_aanvraag_where "/dates/aanvraag"
check brief_bad_json 2 "$ivp" brief bezwaar "$tmp/bad.json" && expect_err brief_bad_json_msg "geen geldige JSON"
check brief_unknown_kind 2 "$ivp" brief klacht "$tmp/s.json"
check brief_no_kind 2 "$ivp" brief
echo '{"brief":{"naam":"A","telefoon":"06"}}' > "$tmp/brief-key.json"
check brief_unknown_key 2 "$ivp" brief bezwaar "$tmp/brief-key.json" && expect_err brief_unknown_key_where "/brief"

echo "$passed passed, $fail failed"
[ "$fail" = 0 ]
