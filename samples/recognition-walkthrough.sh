#!/usr/bin/env bash
# The README's walk-through of a committee season as a script, against a running app (./run.sh):
#   samples/recognition-walkthrough.sh [BASE]     (BASE defaults to http://127.0.0.1:7071/api)
# It gets its tokens with ./run.sh token (the same settings as the app), then
#   1. registers three agencies in one province (Quảng Ngãi, 51);
#   2. submits 2023 and 2024 officially for each;
#   3. appraises them: one passes at once, one after an explanation round, one fails in 2024;
#   4. issues the recognition decision for the two that pass, and waits until it is signed.
# The last line it prints is the decision's path, /api/decisions/{id}.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE="${1:-http://127.0.0.1:7071/api}"
RUN="$(date +%s)"
YEARS=(2023 2024)

token() { ./run.sh token "$@" 2>/dev/null | tail -n1; }
# js EXPRESSION: evaluates it with `d` bound to the JSON read from stdin, prints the result.
js() { node -e 'let s="";process.stdin.on("data",c=>s+=c).on("end",()=>{const d=s?JSON.parse(s):null;const r=eval(process.argv[1]);process.stdout.write(typeof r==="string"?r:JSON.stringify(r));});' "$1"; }
say() { echo "== $*" >&2; }

# call METHOD PATH TOKEN [BODY] [extra curl args...]: the body on stdout; fails on a status >= 400.
call() {
  local method=$1 path=$2 bearer=$3 body=${4:-}; shift 4 || shift $#
  local out status
  out=$(mktemp)
  status=$(curl -s -o "$out" -w '%{http_code}' -X "$method" "$BASE$path" -H "Authorization: Bearer $bearer" \
    ${body:+-H 'Content-Type: application/json' --data-binary "$body"} "$@")
  if [ "$status" -ge 400 ]; then
    echo "walkthrough: $method $path answered $status: $(cat "$out")" >&2
    rm -f "$out"
    exit 1
  fi
  cat "$out"
  rm -f "$out"
}
etag() { curl -s -D - -o /dev/null "$BASE$1" -H "Authorization: Bearer $2" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p'; }

say "tokens: the province's portal, its appraisal team (reviewer) and the federation's decider"
PORTAL=$(token --role submitter --jurisdiction 51)
REVIEWER=$(token --role reviewer --jurisdiction 51)
DECIDER=$(token --role decider --jurisdiction 51)

PASSES="wt-$RUN-van-phong"
EXPLAINS="wt-$RUN-so-van-hoa"
FAILS="wt-$RUN-ban-dan-toc"
names=("Văn phòng UBND tỉnh Quảng Ngãi" "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Ngãi" "Ban Dân tộc tỉnh Quảng Ngãi")
ids=("$PASSES" "$EXPLAINS" "$FAILS")
places=("51.522" "51.522" "51.523")

say "1. three agencies in province 51"
for i in 0 1 2; do
  body=$(js "const a=d;a.id='${ids[$i]}';a.name='${names[$i]}';a.jurisdiction='${places[$i]}';a" < samples/agency.json)
  call PUT "/agencies/${ids[$i]}" "$PORTAL" "$body" >/dev/null
  echo "   ${ids[$i]}: ${names[$i]}" >&2
done

say "2. 2023 and 2024 submitted officially for each (Idempotency-Key), then their reports signed"
for id in "${ids[@]}"; do
  for year in "${YEARS[@]}"; do
    body=$(js "const s=d;s.year=$year;delete s.rubricId;s" < samples/assessment-2022.json)
    call POST "/agencies/$id/assessments/$year" "$PORTAL" "$body" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
      | js '"   "+d.agencyId+" "+d.year+": "+d.issue.reference+", "+d.computedTotal+" points computed"' >&2; echo >&2
  done
done
# The report trigger changes the assessment (and its ETag) when it signs: appraise after that.
for id in "${ids[@]}"; do
  for year in "${YEARS[@]}"; do
    for _ in $(seq 1 60); do
      state=$(call GET "/agencies/$id/assessments/$year" "$REVIEWER" | js 'd.report.state')
      [ "$state" = ready ] && break
      sleep 1
    done
    [ "$state" = ready ] || { echo "walkthrough: the report of $id/$year is $state after 60 s" >&2; exit 1; }
  done
done

# marks ID YEAR [CODE=POINTS...]: every sub-item at its computed points, but those given.
marks() {
  local id=$1 year=$2; shift 2
  call GET "/agencies/$id/assessments/$year" "$REVIEWER" \
    | js "const o=Object.fromEntries('$*'.split(' ').filter(x=>x).map(x=>x.split('=')).map(([k,v])=>[k,Number(v)]));
          ({items:d.results.subCriteria.map(s=>({code:s.code,points:(s.code in o)?o[s.code]:s.points,comment:'Đã đối chiếu hồ sơ tiêu chí '+s.code+'.'}))})"
}
appraisal() { echo "/agencies/$1/assessments/$2/appraisal"; }
# step METHOD ID YEAR SUFFIX TOKEN BODY: one appraisal step with If-Match on the assessment's ETag as read now.
step() {
  local method=$1 id=$2 year=$3 suffix=$4 bearer=$5 body=$6
  call "$method" "$(appraisal "$id" "$year")$suffix" "$bearer" "$body" -H "If-Match: $(etag "/agencies/$id/assessments/$year" "$bearer")"
}
pass() {
  step PUT "$1" "$2" "" "$REVIEWER" "$(marks "$1" "$2")" >/dev/null
  step POST "$1" "$2" /final "$REVIEWER" '{"result":"meets"}' | js '"   "+d.agencyId+" "+d.year+": "+d.result+", "+d.appraisedTotal+" points appraised"' >&2; echo >&2
}

say "3. appraisal: $PASSES passes at once; $EXPLAINS after explaining 1.4 in 2024; $FAILS fails in 2024"
for year in "${YEARS[@]}"; do pass "$PASSES" "$year"; done
pass "$EXPLAINS" 2023
step PUT "$EXPLAINS" 2024 "" "$REVIEWER" "$(marks "$EXPLAINS" 2024 1.4=2)" \
  | js '"   first round: 1.4 appraised "+d.items.find(i=>i.code==="1.4").appraisedPoints+" of "+d.items.find(i=>i.code==="1.4").maxPoints+", total "+d.appraisedTotal' >&2; echo >&2
deadline=$(date -u -d '+10 days' +%F)
step POST "$EXPLAINS" 2024 /explanation-request "$REVIEWER" \
  "{\"deadline\":\"$deadline\",\"message\":\"Đề nghị làm rõ số liệu mức độ hài lòng.\",\"items\":[{\"code\":\"1.4\",\"question\":\"Số liệu 33.090 lượt hài lòng lấy từ nguồn nào?\"}]}" \
  | js '"   explanation requested by "+d.explanationRequest.deadline' >&2; echo >&2
# The agency's portal sees the request and answers it, with its evidence.
call GET "$(appraisal "$EXPLAINS" 2024)" "$PORTAL" | js '"   the agency reads: "+d.explanationRequest.items[0].question' >&2; echo >&2
step POST "$EXPLAINS" 2024 /explanation "$PORTAL" \
  '{"items":[{"code":"1.4","explanation":"Số liệu từ hệ thống đánh giá sự hài lòng của Trung tâm Phục vụ hành chính công tỉnh.","evidence":["Báo cáo số 1979/BC-VP ngày 11/11/2022"]}]}' \
  | js '"   answered; round "+d.round' >&2; echo >&2
step PUT "$EXPLAINS" 2024 "" "$REVIEWER" "$(marks "$EXPLAINS" 2024)" >/dev/null
step POST "$EXPLAINS" 2024 /final "$REVIEWER" '{"result":"meets"}' | js '"   "+d.agencyId+" 2024: "+d.result+", "+d.appraisedTotal+" points appraised"' >&2; echo >&2
pass "$FAILS" 2023
step PUT "$FAILS" 2024 "" "$REVIEWER" "$(marks "$FAILS" 2024 1.1=0 1.2=0 1.4=0)" >/dev/null
step POST "$FAILS" 2024 /final "$REVIEWER" '{"result":"does-not-meet","reasons":["Tổng điểm thẩm định dưới 85 điểm: chưa đạt tiêu chí 1.1, 1.2 và 1.4."]}' \
  | js '"   "+d.agencyId+" 2024: "+d.result+" ("+d.reasons.join("; ")+")"' >&2; echo >&2

say "4. the recognition decision for the two that pass; listing the third is refused with its reason"
for id in "${ids[@]}"; do
  call GET "/agencies/$id/recognition" "$DECIDER" | js '"   "+d.agencyId+": years met "+d.yearsMet.join(", ")+"; next "+d.next.recognitionKind+" "+d.next.period+(d.next.eligibleNow?" (eligible now)":"")' >&2; echo >&2
done
refused=$(curl -s -X POST "$BASE/decisions" -H "Authorization: Bearer $DECIDER" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  --data-binary "{\"jurisdiction\":\"51\",\"year\":2024,\"signerName\":\"Nguyễn Văn Chủ Tịch\",\"agencyIds\":[\"$PASSES\",\"$EXPLAINS\",\"$FAILS\"]}")
echo "$refused" | js '"   all three: "+d.status+" "+d.type+": "+d.errors.map(e=>e.path+" "+e.message).join("; ")' >&2; echo >&2
decision=$(call POST /decisions "$DECIDER" \
  "{\"jurisdiction\":\"51\",\"year\":2024,\"signerName\":\"Nguyễn Văn Chủ Tịch\",\"agencyIds\":[\"$PASSES\",\"$EXPLAINS\"]}" \
  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)")
id=$(echo "$decision" | js 'd.id')
echo "$decision" | js '"   "+d.documentNumber+", "+d.agencies.length+" agencies, state "+d.state' >&2; echo >&2
for _ in $(seq 1 60); do
  state=$(call GET "/decisions/$id" "$DECIDER" | js 'd.state')
  [ "$state" = requested ] || break
  sleep 1
done
[ "$state" = ready ] || { echo "walkthrough: decision $id is $state" >&2; exit 1; }
call GET "/decisions/$id" "$DECIDER" | js '"   signed "+d.signedAt+": "+d.agencies.map(a=>a.agencyName+" ("+a.appraisedPoints+", "+a.recognitionKind+" "+a.period+")").join("; ")' >&2; echo >&2
echo "/api/decisions/$id"
