# Sourced by ./qmark and .ci/run: points JAVA_HOME at a JDK 21 or newer, or stops with a clear
# message. Looks at JAVA_HOME, the java on PATH, then the usual install places, newest first.

qmark_java_feature() {  # prints the feature version (17, 21, 25) of the JDK at $1, or nothing
  local home="$1" version=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  printf '%s' "$version"
}

qmark_find_jdk() {
  local candidate feature candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for candidate in $(ls -d /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
                       /Library/Java/JavaVirtualMachines/*/Contents/Home 2>/dev/null | sort -rV); do
    candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    feature=$(qmark_java_feature "$candidate")
    if [ -n "$feature" ] && [ "$feature" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "qmark: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm)." >&2
  echo "qmark: install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it." >&2
  return 1
}

qmark_find_jdk || exit 1
