#!/usr/bin/env python3
"""Kill -9 rounds against the local system with --data-dir: what was accepted, what was applied after a
restart, and what was applied twice. Used for the figures in issue 13's closing note.

  tools/crash-rounds.py --home . --rounds 5 --replies 150 --posts 400

--home is a built checkout (infrastructure/local/target/classpath.txt present: run ./qmark build or
./mvnw package first). Each round uses a fresh data directory:
  mail:  N feedback posts, wait for their "?" mails, send N owner replies over SMTP as fast as the
         listener takes them, kill -9 right after the last 250, restart, wait, count answers.
  form:  a burst of posts from 8 threads, kill -9 when half of them were answered 202, restart, wait,
         check every 202'd id is in the table and routed.
CRASH_SNAPSHOT=DIR copies each form round's data directory there right after the kill (how the lost
202 was traced to DynamoDB Local: the item was not in its SQLite file at all).
"""
import argparse, json, os, re, signal, smtplib, subprocess, sys, tempfile, threading, time, urllib.request
from email.message import EmailMessage

READY = re.compile(r"qmark ready: form http://127\.0\.0\.1:(\d+)/.*SMTP 127\.0\.0\.1:(\d+)")


class System:
    def __init__(self, home, data, log):
        cp = open(os.path.join(home, "infrastructure/local/target/classpath.txt")).read().strip()
        java = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
        self.proc = subprocess.Popen(
            [java, "--enable-native-access=ALL-UNNAMED", "-Dqmark.home=" + home, "-cp",
             os.path.join(home, "infrastructure/local/target/classes") + ":" + cp,
             "dev.qmark.local.Main", "up", "--http-port", "0", "--smtp-port", "0", "--data-dir", data],
            stdout=subprocess.PIPE, stderr=log, text=True, cwd=home)
        for line in self.proc.stdout:
            m = READY.search(line)
            if m:
                self.http, self.smtp = int(m.group(1)), int(m.group(2))
                break
        else:
            raise SystemExit("the local system did not start; see the log")
        threading.Thread(target=lambda: [None for _ in self.proc.stdout], daemon=True).start()

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=60)

    def get(self, path):
        with urllib.request.urlopen(f"http://127.0.0.1:{self.http}{path}", timeout=30) as r:
            return json.loads(r.read())

    def post(self, payload):
        req = urllib.request.Request(f"http://127.0.0.1:{self.http}/feedback", data=json.dumps(payload).encode(),
                                     headers={"content-type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read())


def until(what, check, timeout):
    end = time.time() + timeout
    while time.time() < end:
        value = check()
        if value:
            return value
        time.sleep(0.5)
    return check()


def mail_round(home, data, n, log):
    s = System(home, data, log)
    ids = [s.post({"name": f"Cust {i}", "email": f"c{i}@example.org", "subject": f"Invoice twice #{i}",
                   "message": f"Charged twice, order {i}."})[1]["id"] for i in range(n)]

    def questions():
        qs = {m["subject"]: m for m in s.get("/_local/outbox") if m["subject"].startswith("? Invoice twice #")}
        return qs if len(qs) >= n else None
    qs = until("questions", questions, 300) or {}
    accepted = 0
    with smtplib.SMTP("127.0.0.1", s.smtp, timeout=30) as smtp:
        for subject, q in qs.items():
            msg = EmailMessage()
            msg["From"] = q["to"][0]
            msg["To"] = q["replyTo"][0]
            msg["Subject"] = "Re: " + subject
            msg.set_content("Refunded " + subject + ".\n")
            try:
                smtp.send_message(msg)
                accepted += 1
            except smtplib.SMTPException:
                pass
    s.kill()
    s = System(home, data, log)

    def answered():
        count = sum(1 for i in ids if s.get(f"/feedback/{i}")["status"] == "answered")
        return count
    until("answers", lambda: answered() >= accepted, 120)
    time.sleep(3)
    applied, duplicated = 0, 0
    for i in ids:
        item = s.get(f"/feedback/{i}")
        events = [e for e in item.get("timeline", []) if e.get("type") == "answered"]
        applied += 1 if item["status"] == "answered" else 0
        duplicated += max(0, len(events) - 1)
    founder = {}
    for m in s.get("/_local/outbox"):
        if m["subject"].startswith("Answered: "):
            founder[m["subject"]] = founder.get(m["subject"], 0) + 1
    duplicated += sum(c - 1 for c in founder.values())
    s.stop()
    return accepted, applied, duplicated


def form_round(home, data, n, log):
    s = System(home, data, log)
    ok, lock, killed = [], threading.Lock(), threading.Event()
    counter = iter(range(n))

    def worker():
        while not killed.is_set():
            with lock:
                i = next(counter, None)
            if i is None:
                return
            try:
                status, body = s.post({"name": f"Burst {i}", "email": f"b{i}@example.org",
                                       "subject": f"Burst {i} {time.time()}", "message": f"Message number {i}."})
                if status == 202:
                    with lock:
                        ok.append(body["id"])
                        if len(ok) >= n // 2 and not killed.is_set():
                            killed.set()
                            s.kill()
            except Exception:
                pass
    threads = [threading.Thread(target=worker) for _ in range(8)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    if s.proc.poll() is None:
        s.kill()
    accepted = list(ok)
    if os.environ.get("CRASH_SNAPSHOT"):
        import shutil
        shutil.copytree(data, os.environ["CRASH_SNAPSHOT"] + "/" + os.path.basename(data))
    s = System(home, data, log)

    def statuses():
        out = {}
        for i in accepted:
            try:
                out[i] = s.get(f"/feedback/{i}")["status"]
            except urllib.error.HTTPError as e:
                out[i] = "missing" if e.code == 404 else str(e.code)
        return out
    st = until("routed", lambda: (lambda x: x if all(v in ("asked", "answered") for v in x.values()) else None)(statuses()), 120) \
        or statuses()
    missing = [i for i, v in st.items() if v == "missing"]
    unrouted = [i for i, v in st.items() if v not in ("asked", "answered", "missing")]
    # a duplicate would be a second "?" for one item
    asks = {}
    for m in s.get("/_local/outbox"):
        if m["subject"].startswith("? Burst "):
            asks[m["subject"]] = asks.get(m["subject"], 0) + 1
    s.stop()
    return len(accepted), len(accepted) - len(missing) - len(unrouted), missing, unrouted, sum(c - 1 for c in asks.values())


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--home", default=".")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--replies", type=int, default=150)
    p.add_argument("--posts", type=int, default=400)
    p.add_argument("--only", choices=["mail", "form"])
    a = p.parse_args()
    home = os.path.abspath(a.home)
    log = open(os.path.join(tempfile.gettempdir(), "crash-rounds.log"), "a")
    for r in range(1, a.rounds + 1):
        if a.only != "form":
            with tempfile.TemporaryDirectory() as d:
                acc, app, dup = mail_round(home, d, a.replies, log)
                print(f"round {r} mail: accepted {acc} applied {app} duplicated {dup}", flush=True)
        if a.only != "mail":
            with tempfile.TemporaryDirectory() as d:
                acc, app, missing, unrouted, dup = form_round(home, d, a.posts, log)
                print(f"round {r} form: accepted {acc} stored-and-routed {app} missing {len(missing)} {missing} "
                      f"unrouted {len(unrouted)} {unrouted} duplicated {dup}", flush=True)


if __name__ == "__main__":
    main()
