#!/usr/bin/env bash
# The booking flow with curl alone, against a running `frontdesk serve`:
# create a resource with hours and a service, see slots, hold, book, read by manage token,
# reschedule, cancel. Usage: API=http://127.0.0.1:8787 SK=fd_sk_… PK=fd_pk_… ./walkthrough.sh
# Needs curl and jq. Exits non-zero on the first unexpected answer.
set -euo pipefail
API=${API:-http://127.0.0.1:8787}
: "${SK:?set SK to a secret key}" "${PK:?set PK to a publishable key}"

# A small helper: method, path, key, optional JSON body; prints the body, fails on HTTP >= 400.
call() {
  local method=$1 path=$2 key=$3 body=${4:-}
  curl -sS --fail-with-body -X "$method" "$API$path" \
    -H "Authorization: Bearer $key" \
    ${body:+-H 'Content-Type: application/json' --data "$body"}
}

echo '1. A resource with weekly hours (two intervals a day, every day)'
day='[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"18:00"}]'
RES=$(call POST /v1/resources "$SK" "{\"name\":\"Walkthrough chair\",\"hours\":{\"mon\":$day,\"tue\":$day,\"wed\":$day,\"thu\":$day,\"fri\":$day,\"sat\":$day,\"sun\":$day}}" | jq -r .id)
echo "   resource $RES"

echo '2. A 30-minute service on it'
SVC=$(call POST /v1/services "$SK" "{\"name\":\"Walkthrough cut\",\"durationMinutes\":30,\"resourceIds\":[\"$RES\"]}" | jq -r .id)
echo "   service $SVC"

echo '3. Slots for the next three days (dates in the business zone)'
FROM=$(date -u -d '+1 day' +%F); TO=$(date -u -d '+3 day' +%F)
SLOTS=$(call GET "/v1/availability?service=$SVC&from=$FROM&to=$TO" "$PK")
echo "   $(echo "$SLOTS" | jq '.slots | length') slots, zone $(echo "$SLOTS" | jq -r .timezone)"
START=$(echo "$SLOTS" | jq -r '.slots[0].start')
LATER=$(echo "$SLOTS" | jq -r '.slots[3].start')

echo "4. Hold $START while the customer types"
HOLD=$(call POST /v1/holds "$PK" "{\"service\":\"$SVC\",\"start\":\"$START\"}" | jq -r .id)
echo "   hold $HOLD"

echo '5. Book it (converting the hold), with an Idempotency-Key'
BOOKING=$(curl -sS --fail-with-body -X POST "$API/v1/bookings" -H "Authorization: Bearer $PK" \
  -H 'Content-Type: application/json' -H "Idempotency-Key: walkthrough-$RES" \
  --data "{\"service\":\"$SVC\",\"start\":\"$START\",\"holdId\":\"$HOLD\",\"customer\":{\"name\":\"Rita Walker\",\"email\":\"rita@example.com\"}}")
ID=$(echo "$BOOKING" | jq -r .id); TOKEN=$(echo "$BOOKING" | jq -r .manageToken)
echo "   booking $ID is $(echo "$BOOKING" | jq -r .status)"

echo '6. The customer reads it with the manage token'
call GET "/v1/bookings/$ID?token=$TOKEN" "$PK" | jq -c '{status, start, customer}'

echo "7. The customer moves it to $LATER"
call POST "/v1/bookings/$ID/reschedule?token=$TOKEN" "$PK" "{\"start\":\"$LATER\"}" | jq -c '{status, start, "end": .end}'

echo '8. The customer adds it to a calendar'
curl -sS --fail-with-body "$API/v1/bookings/$ID/ics?token=$TOKEN" -H "Authorization: Bearer $PK" | grep -E '^(DTSTART|STATUS)'

echo '9. The customer cancels'
call POST "/v1/bookings/$ID/cancel?token=$TOKEN" "$PK" '{"reason":"plans changed"}' | jq -c '{status, cancelReason}'

echo '10. Cancelling twice is a 409 problem'
code=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$API/v1/bookings/$ID/cancel?token=$TOKEN" -H "Authorization: Bearer $PK")
[ "$code" = 409 ] && echo "   409 invalid_state, as expected"
echo 'Walkthrough complete.'
