#!/usr/bin/env bash
# Checks a running Keycloak that imported keycloak/vneid-realm.json (realm "vneid").
# Needs curl and jq. Usage: KC_URL=http://localhost:18180 keycloak/verify-realm.sh
# Touches only a throw-away user it creates (and deletes) through identity-service's service account.
set -u
KC="${KC_URL:-http://localhost:18180}"
R="$KC/realms/vneid"
TOKEN="$R/protocol/openid-connect/token"
PW='Vneid@2026'
pass=0; fail=0
ok()  { pass=$((pass+1)); echo "ok   $*"; }
bad() { fail=$((fail+1)); echo "FAIL $*"; }
check() { # check "description" actual expected
  if [ "$2" == "$3" ]; then ok "$1"; else bad "$1: got [$2] want [$3]"; fi
}
payload() { # decode a JWT's payload (base64url, no padding)
  local p; p=$(cut -d. -f2 <<<"$1" | tr '_-' '/+')
  while [ $(( ${#p} % 4 )) -ne 0 ]; do p="$p="; done
  base64 -d <<<"$p"
}
user_token() { curl -s "$TOKEN" -d grant_type=password -d client_id=dev-scripts \
  --data-urlencode "username=$1" --data-urlencode "password=$2" | jq -r '.access_token // empty'; }
# The audiences of ours in a token's claims: the platform's and our services' names, sorted (aud may
# be a string or a list, and may also name Keycloak's own clients such as "account").
ours_aud() { jq -r '[.aud // [] | if type == "array" then .[] else . end
  | select(IN("dichvucong-bca","identity-service","residence-service","passport-service","seal-service","fine-payment-service"))]
  | sort | join(",")'; }
client_token() { curl -s "$TOKEN" -d grant_type=client_credentials -d client_id="$1" -d client_secret="$1-dev-secret" \
  | jq -r '.access_token // empty'; }

echo "== demo users (password grant on dev-scripts)"
# username | personal_id | identity_level | agency | province | realm roles (sorted, ours only)
while IFS='|' read -r u pid lvl agency province roles; do
  t=$(user_token "$u" "$PW")
  if [ -z "$t" ]; then bad "$u: no token"; continue; fi
  c=$(payload "$t")
  check "$u personal_id"    "$(jq -r .personal_id <<<"$c")" "$pid"
  check "$u identity_level is the number $lvl" "$(jq -c '[.identity_level, (.identity_level|type)]' <<<"$c")" "[$lvl,\"number\"]"
  check "$u agency"   "$(jq -r '.agency // ""' <<<"$c")" "$agency"
  check "$u province" "$(jq -r '.province // ""' <<<"$c")" "$province"
  check "$u roles"    "$(jq -r '[.realm_access.roles[] | select(. != "default-roles-vneid" and . != "offline_access" and . != "uma_authorization")] | sort | join(",")' <<<"$c")" "$roles"
  check "$u lifespan 300 s" "$(jq '.exp - .iat' <<<"$c")" "300"
  check "$u aud is the platform's" "$(ours_aud <<<"$c")" "dichvucong-bca"
done <<'EOF'
nguyenvanan|001085012345|2|||citizen
tranthibich|079192004567|2|||citizen
lehoangminh|048201000321|1|||citizen
canbo.hanoi|001080001111|2|PA08-HN|01|citizen,officer
canbo.hcm|079187002222|2|PA08-HCM|79|citizen,officer
lanhdao.hanoi|001075003333|2|PA08-HN|01|citizen,officer,supervisor
quantri|001082004444|2|||admin
khachsan.hoguom|001178005555|2|||accommodation-provider,citizen
daidien.truonghoc|036090006666|2|||citizen,organisation-representative
EOF

echo "== id token and userinfo carry the claims too (scope openid)"
resp=$(curl -s "$TOKEN" -d grant_type=password -d client_id=dev-scripts -d scope=openid -d username=canbo.hcm --data-urlencode "password=$PW")
check "id token claims" "$(payload "$(jq -r .id_token <<<"$resp")" | jq -c '[.personal_id,.identity_level,.agency,.province]')" '["079187002222",2,"PA08-HCM","79"]'
check "userinfo claims" "$(curl -s -H "Authorization: Bearer $(jq -r .access_token <<<"$resp")" "$R/protocol/openid-connect/userinfo" | jq -c '[.personal_id,.identity_level,.agency,.province]')" '["079187002222",2,"PA08-HCM","79"]'

echo "== browser login: authorization code + PKCE S256 (login form driven by curl)"
pkce_login() { # pkce_login client redirect_uri username -> access token
  local jar v c page action loc code
  jar=$(mktemp)
  v=$(head -c 48 /dev/urandom | base64 | tr -d '=+/\n' | head -c 64)
  c=$(printf %s "$v" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=')
  page=$(curl -s -c "$jar" -b "$jar" "$R/protocol/openid-connect/auth?client_id=$1&response_type=code&scope=openid&redirect_uri=$2&state=x&code_challenge=$c&code_challenge_method=S256")
  action=$(grep -o 'action="[^"]*"' <<<"$page" | head -1 | sed 's/^action="//;s/"$//;s/&amp;/\&/g')
  loc=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$action" --data-urlencode "username=$3" --data-urlencode "password=$PW")
  code=$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$loc")
  rm -f "$jar"
  curl -s "$TOKEN" -d grant_type=authorization_code -d client_id="$1" -d code="$code" \
    --data-urlencode redirect_uri="$2" -d code_verifier="$v" | jq -r '.access_token // empty'
}
check "login page is Vietnamese by default" "$(curl -s "$R/protocol/openid-connect/auth?client_id=citizen-portal&response_type=code&scope=openid&redirect_uri=http://localhost:3000/cb&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256" | grep -o 'lang="vi"' | head -1)" 'lang="vi"'
check "citizen-portal code+PKCE login (tranthibich)" "$(payload "$(pkce_login citizen-portal http://localhost:3000/cb tranthibich)" | jq -c '[.azp,.personal_id,.identity_level]')" '["citizen-portal","079192004567",2]'
check "officer-console code+PKCE login (canbo.hanoi)" "$(payload "$(pkce_login officer-console http://localhost:3001/cb canbo.hanoi)" | jq -c '[.azp,.agency,.province,(.realm_access.roles|index("officer")!=null)]')" '["officer-console","PA08-HN","01",true]'
check "citizen-portal token has the platform audience" "$(payload "$(pkce_login citizen-portal http://localhost:3000/cb tranthibich)" | ours_aud)" "dichvucong-bca"
check "officer-console token has the platform audience" "$(payload "$(pkce_login officer-console http://localhost:3001/cb canbo.hcm)" | ours_aud)" "dichvucong-bca"
check "vneid-mobile code+PKCE login, loopback redirect (nguyenvanan)" "$(payload "$(pkce_login vneid-mobile http://localhost:53682/cb nguyenvanan)" | jq -c '[.azp,.personal_id]')" '["vneid-mobile","001085012345"]'

echo "== service accounts (client_credentials)"
# client | realm role | our audiences in its token (the platform's and our services' names, sorted)
while IFS='|' read -r cid role aud; do
  t=$(client_token "$cid")
  if [ -z "$t" ]; then bad "$cid: no token"; continue; fi
  c=$(payload "$t")
  check "$cid has realm role $role" "$(jq -r --arg r "$role" '.realm_access.roles | index($r) != null' <<<"$c")" "true"
  check "$cid azp" "$(jq -r .azp <<<"$c")" "$cid"
  check "$cid aud" "$(ours_aud <<<"$c")" "$aud"
done <<'EOF'
identity-service|service|
residence-service|service|fine-payment-service,identity-service
passport-service|service|fine-payment-service,identity-service
seal-service|service|fine-payment-service,identity-service
fine-payment-service|service|
traffic-violation-system|violation-source|fine-payment-service
national-portal|national-portal|dichvucong-bca
EOF
check "wrong client secret is refused" "$(curl -s -o /dev/null -w '%{http_code}' "$TOKEN" -d grant_type=client_credentials -d client_id=seal-service -d client_secret=nope)" "401"
check "password grant refused on citizen-portal" "$(curl -s "$TOKEN" -d grant_type=password -d client_id=citizen-portal -d username=nguyenvanan --data-urlencode "password=$PW" | jq -r .error)" "unauthorized_client"
check "client_credentials refused on dev-scripts" "$(curl -s "$TOKEN" -d grant_type=client_credentials -d client_id=dev-scripts | jq -r .error)" "unauthorized_client"
loc=$(curl -s -o /dev/null -w '%{redirect_url}' "$R/protocol/openid-connect/auth?client_id=citizen-portal&response_type=code&scope=openid&redirect_uri=http://localhost:3000/cb")
check "citizen-portal requires PKCE" "$(grep -o 'error=invalid_request' <<<"$loc")" "error=invalid_request"
check "citizen-portal accepts PKCE S256" "$(curl -s -o /dev/null -w '%{http_code}' "$R/protocol/openid-connect/auth?client_id=citizen-portal&response_type=code&scope=openid&redirect_uri=http://localhost:3000/cb&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256")" "200"
check "vneid-mobile accepts app redirect" "$(curl -s -o /dev/null -w '%{http_code}' "$R/protocol/openid-connect/auth?client_id=vneid-mobile&response_type=code&scope=openid&redirect_uri=vn.gov.bca.vneid:/oauth2redirect&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256")" "200"

echo "== identity-service provisions a VNeID account through the admin API"
SA=$(client_token identity-service)
H=(-H "Authorization: Bearer $SA" -H 'Content-Type: application/json')
NEWU="verify.$(date +%s)"
code=$(curl -s -o /dev/null -w '%{http_code}' "${H[@]}" "$KC/admin/realms/vneid/users" -d @- <<EOF
{"username":"$NEWU","enabled":true,"emailVerified":true,"email":"$NEWU@vneid.test",
 "firstName":"Thị Thử","lastName":"Ngô",
 "attributes":{"personal_id":["001199000777"],"identity_level":["1"]}}
EOF
)
check "create user (201)" "$code" "201"
UID_=$(curl -s "${H[@]}" "$KC/admin/realms/vneid/users?username=$NEWU&exact=true" | jq -r '.[0].id')
check "set password (204)" "$(curl -s -o /dev/null -w '%{http_code}' -X PUT "${H[@]}" "$KC/admin/realms/vneid/users/$UID_/reset-password" -d "{\"type\":\"password\",\"value\":\"$PW\",\"temporary\":false}")" "204"
# GET /roles/citizen needs view-realm, which identity-service does not have: take the role from the
# user's "available" realm roles instead (allowed with view-users/manage-users).
ROLE=$(curl -s "${H[@]}" "$KC/admin/realms/vneid/users/$UID_/role-mappings/realm/available" | jq -c '.[] | select(.name=="citizen")')
check "grant realm role citizen (204)" "$(curl -s -o /dev/null -w '%{http_code}' "${H[@]}" "$KC/admin/realms/vneid/users/$UID_/role-mappings/realm" -d "[$ROLE]")" "204"
check "bad personal_id refused (400)" "$(curl -s -o /dev/null -w '%{http_code}' "${H[@]}" "$KC/admin/realms/vneid/users" -d '{"username":"verify.bad","enabled":true,"attributes":{"personal_id":["12345"]}}')" "400"
check "identity_level 3 refused (400)" "$(curl -s -o /dev/null -w '%{http_code}' "${H[@]}" "$KC/admin/realms/vneid/users" -d '{"username":"verify.bad","enabled":true,"attributes":{"identity_level":["3"]}}')" "400"
c=$(payload "$(user_token "$NEWU" "$PW")")
check "new account: identity_level 1" "$(jq -c .identity_level <<<"$c")" "1"
check "new account: personal_id" "$(jq -r .personal_id <<<"$c")" "001199000777"
check "new account: role citizen" "$(jq -r '.realm_access.roles | index("citizen") != null' <<<"$c")" "true"
U=$(curl -s "${H[@]}" "$KC/admin/realms/vneid/users/$UID_")
U2=$(jq -c '.attributes.identity_level = ["2"]' <<<"$U")
check "raise identity_level to 2 (204)" "$(curl -s -o /dev/null -w '%{http_code}' -X PUT "${H[@]}" "$KC/admin/realms/vneid/users/$UID_" -d "$U2")" "204"
c=$(payload "$(user_token "$NEWU" "$PW")")
check "next token: identity_level 2" "$(jq -c .identity_level <<<"$c")" "2"

echo "== a user cannot change identity_level / personal_id through the account API"
UT=$(user_token "$NEWU" "$PW")
AH=(-H "Authorization: Bearer $UT" -H 'Content-Type: application/json' -H 'Accept: application/json')
ACC=$(curl -s "${AH[@]}" "$R/account/")
check "account API readable, shows identity_level" "$(jq -c '.attributes.identity_level' <<<"$ACC")" '["2"]'
check "identity_level read-only in user profile metadata" "$(jq -r '.userProfileMetadata.attributes[] | select(.name=="identity_level") | .readOnly' <<<"$ACC")" "true"
# positive control: the user may edit their own first name
okc=$(curl -s -o /dev/null -w '%{http_code}' "${AH[@]}" "$R/account/" -d "$(jq -c '.firstName = "Thị Sửa" | del(.userProfileMetadata)' <<<"$ACC")")
check "user may change own firstName (204)" "$okc" "204"
ACC=$(curl -s "${AH[@]}" "$R/account/")
# each read-only attribute on its own (valid values, so only the read-only rule can refuse them),
# then everything at once with PUT (the account API only has POST; PUT must not work either)
for attempt in 'POST|.attributes.identity_level = ["1"]' 'POST|.attributes.personal_id = ["001199000778"]' \
               'POST|.attributes.agency = ["PA08-HN"]' 'POST|.attributes.province = ["01"]' \
               'PUT|.attributes.identity_level = ["1"] | .attributes.personal_id = ["001199000778"]'; do
  m=${attempt%%|*}; f=${attempt#*|}
  code=$(curl -s -o /tmp/verify-acc.$$ -w '%{http_code}' -X "$m" "${AH[@]}" "$R/account/" \
    -d "$(jq -c "$f | del(.userProfileMetadata)" <<<"$ACC")")
  check "$m /account [$f] refused" "$(grep -c '^[45]' <<<"$code")" "1"
  echo "     -> HTTP $code $(head -c 160 /tmp/verify-acc.$$)"
  U=$(curl -s "${H[@]}" "$KC/admin/realms/vneid/users/$UID_")
  check "  identity_level unchanged" "$(jq -c .attributes.identity_level <<<"$U")" '["2"]'
  check "  personal_id unchanged"    "$(jq -c .attributes.personal_id <<<"$U")" '["001199000777"]'
  check "  no agency/province added" "$(jq -c '[.attributes.agency, .attributes.province]' <<<"$U")" '[null,null]'
done
rm -f /tmp/verify-acc.$$
c=$(payload "$(user_token "$NEWU" "$PW")")
check "token after attempts: identity_level still 2" "$(jq -c .identity_level <<<"$c")" "2"
# the same with a demo citizen at level 1
LT=$(user_token lehoangminh "$PW")
LACC=$(curl -s -H "Authorization: Bearer $LT" -H 'Accept: application/json' "$R/account/")
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $LT" -H 'Content-Type: application/json' "$R/account/" \
  -d "$(jq -c '.attributes.identity_level = ["2"] | del(.userProfileMetadata)' <<<"$LACC")")
check "lehoangminh: POST /account raising identity_level refused (400)" "$code" "400"
check "lehoangminh still level 1 after trying to raise it" "$(jq -c .identity_level <<<"$(payload "$(user_token lehoangminh "$PW")")")" "1"

# brute-force protection: two quick failures lock the account for a while (quickLoginCheckMilliSeconds)
user_token "$NEWU" wrong-password-1 >/dev/null; user_token "$NEWU" wrong-password-2 >/dev/null
check "brute force: correct password refused right after quick failures" "$(user_token "$NEWU" "$PW")" ""
check "brute force: account reported locked" "$(curl -s "${H[@]}" "$KC/admin/realms/vneid/attack-detection/brute-force/users/$UID_" | jq -r .disabled)" "true"
check "password policy: 7-character password refused (400)" "$(curl -s -o /dev/null -w '%{http_code}' -X PUT "${H[@]}" "$KC/admin/realms/vneid/users/$UID_/reset-password" -d '{"type":"password","value":"Ab@1234","temporary":false}')" "400"
check "delete throw-away user (204)" "$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "${H[@]}" "$KC/admin/realms/vneid/users/$UID_")" "204"
# a non-identity service account may not use the admin API
RT=$(client_token residence-service)
check "residence-service cannot list users (403)" "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $RT" "$KC/admin/realms/vneid/users")" "403"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
