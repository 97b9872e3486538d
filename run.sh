#!/usr/bin/env bash
# Runs the whole Echo Stack on embedded defaults: Redis + PostgreSQL, api-service on 127.0.0.1:8080,
# queue-worker (health/metrics) on 8081, echo-server on 6001. Builds what is missing or out of date first, with
# `package` only: nothing is installed into ~/.m2.
# Ctrl-C stops everything it started. Needs a JDK 17 and Node.js/npm (Maven comes with ./mvnw).
set -euo pipefail
cd "$(dirname "$0")"

mkdir -p .run
stamp=.run/build.stamp
classpath_file=e2e/target/run-classpath.txt
artifacts=(echo-server/target/echo-server.jar api-service/target/quarkus-app/quarkus-run.jar
  queue-worker/target/quarkus-app/quarkus-run.jar e2e/target/classes "$classpath_file")

needs_build=no
for artifact in "${artifacts[@]}"; do
  [ -e "$artifact" ] || needs_build=yes
done
if [ "$needs_build" = no ] && [ -n "$(find . -path ./.run -prune -o -path '*/node_modules' -prune -o -path '*/target' -prune \
    -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  needs_build=yes
fi
if [ ! -e "$stamp" ]; then
  needs_build=yes
fi

if [ "$needs_build" = yes ]; then
  echo "Building Echo Stack (./mvnw -DskipTests -pl e2e -am package; the first build downloads and takes minutes)..."
  ./mvnw -B -q -DskipTests -pl e2e -am package   # e2e's package phase writes $classpath_file
  touch "$stamp"
fi

# The launcher runs in its own session, so a terminal Ctrl-C reaches only this script, which asks the launcher to stop;
# the launcher then stops the services first and Redis/PostgreSQL last (a Ctrl-C to the whole process group would
# kill Redis under services that are still shutting down).
setsid java -cp "e2e/target/classes:$(cat "$classpath_file")" io.echostack.e2e.RunStack "$PWD" &
launcher=$!
trap 'kill -TERM "$launcher" 2>/dev/null || true' INT TERM
status=0
wait "$launcher" || status=$?
if kill -0 "$launcher" 2>/dev/null; then   # interrupted by the trap: wait for the orderly stop to finish
  wait "$launcher" || status=$?
fi
exit "$status"
