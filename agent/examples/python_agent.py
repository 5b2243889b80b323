#!/usr/bin/env python3
"""A Flightdeck agent in Python, with the standard library only.

It speaks the agent protocol (plain JSON over HTTP, see "The agent protocol" in the README): registers
(or acts as an agent token), heartbeats, long-polls for work, runs each task as a shell
command, streams the command's output as progress, completes or fails the task, and stops
cleanly on SIGTERM / Ctrl-C: the running task finishes (or is handed back after
--drain-timeout) and the server hears goodbye at once.

    python3 python_agent.py --url http://localhost:3000 --token "$ADMIN" \
        --name py-agent --capabilities python,bash --command 'python3 -c "print(1)"'

The task's prompt (payload.prompt, else its title) is in $FLIGHTDECK_TASK_PROMPT, its whole
payload as JSON in $FLIGHTDECK_TASK_PAYLOAD. A line "::progress <percent> <message>" sets
the progress percentage; every other output line is reported as a progress message.
"""
import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request


class ApiError(Exception):
    def __init__(self, status, code, message):
        super().__init__(f"{code} ({status}): {message}")
        self.status, self.code, self.message = status, code, message


class Api:
    """tRPC without a transformer: POST {input} to /api/trpc/<procedure>, answer {"result":{"data":…}}."""

    def __init__(self, url, token):
        self.base = url.rstrip("/") + "/api/trpc/"
        self.token = token

    def call(self, procedure, payload=None, timeout=60):
        body = json.dumps(payload if payload is not None else {}).encode()
        while True:
            request = urllib.request.Request(self.base + procedure, data=body, method="POST", headers={
                "authorization": f"Bearer {self.token}", "content-type": "application/json"})
            try:
                with urllib.request.urlopen(request, timeout=timeout) as answer:
                    return json.loads(answer.read())["result"]["data"]
            except urllib.error.HTTPError as e:
                # The database is away: the server says when to come back. Anything else is an answer.
                if e.code == 503:
                    time.sleep(float(e.headers.get("retry-after") or 5))
                    continue
                error = json.loads(e.read() or b"{}").get("error", {})
                raise ApiError(e.code, error.get("data", {}).get("code", "HTTP_ERROR"), error.get("message", e.reason)) from None
            except (urllib.error.URLError, socket.timeout, ConnectionError) as e:
                log(f"server unreachable ({e}); retrying in 2 s")
                time.sleep(2)


def log(message):
    print(f"[python-agent] {message}", file=sys.stderr, flush=True)


class Agent:
    def __init__(self, args):
        self.args = args
        self.stopping = threading.Event()
        self.terminated = threading.Event()
        self.running = None  # (assignment, subprocess) while a task runs
        self.lock = threading.Lock()
        self.api = Api(args.url, args.token)
        if not args.token.startswith("fda_"):
            # An admin token registers the agent; the same name again is the same agent.
            answer = self.api.call("agents.register", {
                "name": args.name, "runtime": "python", "maxConcurrency": 1,
                "capabilities": [c for c in args.capabilities.split(",") if c]})
            self.api = Api(args.url, answer["token"])
            log(f"registered as {args.name} ({answer['agentId']})")
        self.interval = 5.0

    def heartbeat_loop(self):
        while not self.stopping.is_set() or self.running:
            with self.lock:
                busy = self.running is not None
            state = "stopping" if self.stopping.is_set() else "working" if busy else "idle"
            try:
                answer = self.api.call("agents.heartbeat", {"load": 1.0 if busy else 0.0, "activity": {"state": state}}, timeout=10)
                self.interval = answer.get("heartbeatIntervalMs", 5000) / 1000
                if answer.get("status") == "terminated":
                    log("terminated by the server: stopping now")
                    self.terminated.set()
                    self.stop()
                    self.kill_running()
                    return
            except ApiError as e:
                log(f"heartbeat refused: {e}")
            self.stopping.wait(self.interval)

    def stop(self, *_):
        if not self.stopping.is_set():
            log("stopping: finishing the running task, taking nothing new")
        self.stopping.set()

    def kill_running(self):
        with self.lock:
            if self.running:
                self.running[1].kill()

    def run(self):
        threading.Thread(target=self.heartbeat_loop, daemon=True).start()
        while not self.stopping.is_set():
            try:
                # Short enough that a stop is noticed soon; an assignment arriving meanwhile is handed back.
                task = self.api.call("work.poll", {"waitMs": 5000, "start": True}, timeout=30)
            except ApiError as e:
                if e.status == 403:
                    self.stopping.wait(1)
                    continue
                raise
            if not task:
                continue
            if self.stopping.is_set():
                self.report("work.release", task, {"reason": "the agent is stopping"})
                break
            self.execute(task)
        self.say_goodbye()

    def execute(self, task):
        prompt = (task.get("payload") or {}).get("prompt") if isinstance(task.get("payload"), dict) else None
        env = dict(os.environ, FLIGHTDECK_TASK_ID=task["taskId"], FLIGHTDECK_TASK_TITLE=task["title"],
                   FLIGHTDECK_TASK_PROMPT=prompt or task["title"], FLIGHTDECK_TASK_PAYLOAD=json.dumps(task.get("payload")))
        log(f"running {task['taskId']} ({task['title']})")
        process = subprocess.Popen(self.args.command, shell=True, env=env, cwd=self.args.workdir,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        with self.lock:
            self.running = (task, process)
        watchdog = threading.Thread(target=self.drain_watchdog, args=(process,), daemon=True)
        watchdog.start()
        lines = []
        for line in process.stdout:
            line = line.rstrip("\n")
            lines.append(line)
            self.progress(task, line)
        code = process.wait()
        with self.lock:
            self.running = None
        if self.terminated.is_set():
            return  # the server already requeued it
        if self.stopping.is_set() and code < 0:
            self.report("work.release", task, {"reason": f"the agent stopped after {self.args.drain_timeout} s of draining"})
        elif code == 0:
            self.report("work.complete", task, {"result": {"exitCode": 0, "output": "\n".join(lines[-20:])}})
        else:
            self.report("work.fail", task, {"error": f"exit code {code}: " + "\n".join(lines[-5:]), "retryable": True})

    def drain_watchdog(self, process):
        self.stopping.wait()
        try:
            process.wait(timeout=self.args.drain_timeout)
        except subprocess.TimeoutExpired:
            process.kill()

    def progress(self, task, line):
        report = {"message": line[:1000] or " "}
        if line.startswith("::progress "):
            parts = line.split(" ", 2)
            try:
                report = {"percent": max(0, min(100, float(parts[1]))), "message": (parts[2] if len(parts) > 2 else "")[:1000] or " "}
            except ValueError:
                pass
        self.report("work.progress", task, report)

    def report(self, procedure, task, fields):
        try:
            return self.api.call(procedure, {"taskId": task["taskId"], "leaseToken": task["leaseToken"], **fields})
        except ApiError as e:
            # CONFLICT: the lease moved on (the task was requeued meanwhile); nothing more to say about it.
            log(f"{procedure} for {task['taskId']} refused: {e}")

    def say_goodbye(self):
        if self.terminated.is_set():
            return
        try:
            self.api.call("agents.signOff", {}, timeout=10)
            log("said goodbye: the server shows this agent as stopped")
        except ApiError as e:
            log(f"goodbye refused: {e}")


def main():
    parser = argparse.ArgumentParser(description="A Flightdeck agent that runs each task as a shell command.")
    parser.add_argument("--url", default=os.environ.get("FLIGHTDECK_URL", "http://localhost:3000"))
    parser.add_argument("--token", default=os.environ.get("FLIGHTDECK_TOKEN"), help="an agent token (fda_…) or an admin token to register with")
    parser.add_argument("--name", default=f"{socket.gethostname()}-python")
    parser.add_argument("--capabilities", default="python")
    parser.add_argument("--command", default='echo "$FLIGHTDECK_TASK_PROMPT"', help="run with /bin/sh -c for each task")
    parser.add_argument("--workdir", default=os.getcwd())
    parser.add_argument("--drain-timeout", type=float, default=30.0, help="seconds a running task may take to finish after a stop")
    args = parser.parse_args()
    if not args.token:
        parser.error("--token (or FLIGHTDECK_TOKEN) is required")
    agent = Agent(args)
    signal.signal(signal.SIGTERM, agent.stop)
    signal.signal(signal.SIGINT, agent.stop)
    agent.run()
    log("stopped")


if __name__ == "__main__":
    main()
