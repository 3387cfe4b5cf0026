/* The stage clock's rules, shared by the podium view (speaker.js) and the timekeeper page
   (timekeeper.js). Plain ES2017. The laptop sends a clock's state (core/timer.py's
   TimerState, epoch seconds); the time left is derived here and rounded by
   core/clock_text.py's one rule, so every screen shows the same digits. The offset between
   this device's clock and the laptop's is estimated NTP style, keeping the sample with the
   shortest round trip. */
(function () {
  "use strict";

  function elapsed(timer, now) {
    if (timer.started_at === null) { return 0; }
    var until = now;
    if (timer.paused_at !== null) { until = timer.paused_at; }
    if (timer.ended_at !== null) { until = timer.paused_at === null ? timer.ended_at : timer.paused_at; }
    return Math.max(0, until - timer.started_at - timer.paused_total);
  }

  // The planned seconds as core's TimerState.planned_at derives them: a speaker given
  // "until 10:45" has until the instant, from their start (or from now while waiting).
  function plannedAt(timer, now) {
    if (timer.until === null || timer.until === undefined) { return timer.planned; }
    return Math.max(0, timer.until - (timer.started_at === null ? now : timer.started_at));
  }

  // core/clock_text.py's one rounding rule: a countdown shows the ceiling of the time left
  // (0.5 s over is still 0:00; a full second over is -0:01). Tests check both agree.
  function countdownSeconds(seconds) { return Math.ceil(seconds) + 0; }  // + 0: no -0

  function formatClock(seconds) {
    var shown = countdownSeconds(seconds);
    var sign = shown < 0 ? "-" : "";
    var whole = Math.abs(shown);
    var hours = Math.floor(whole / 3600);
    var minutes = Math.floor((whole % 3600) / 60);
    var secs = whole % 60;
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return hours ? sign + hours + ":" + two(minutes) + ":" + two(secs) : sign + minutes + ":" + two(secs);
  }

  function timeLeft(timer, now) {
    return plannedAt(timer, now) + timer.adjustment - elapsed(timer, now);
  }

  // Judged on the shown seconds, as TimerState.level is: words and digits agree.
  function level(timer, left, warning, danger) {
    if (timer.started_at === null) { return "normal"; }
    var shown = countdownSeconds(left);
    if (shown < 0) { return "overtime"; }
    if (shown <= danger) { return "danger"; }
    if (shown <= warning) { return "warning"; }
    return "normal";
  }

  function isPaused(timer) { return timer.paused_at !== null && timer.ended_at === null; }

  // Seconds two samples may disagree beyond their round trips (the laptop reads its clock
  // just before answering, not at the midpoint; timers' own jitter) and still agree.
  var SAMPLE_SLACK = 0.25;

  // The laptop's clock minus this device's, from (laptop's now, sent at, received at).
  function OffsetEstimate() { this.samples = []; this.offset = 0; }
  OffsetEstimate.prototype.add = function (serverNow, sentAt, receivedAt) {
    if (receivedAt < sentAt) { return; }  // this device's clock was set back meanwhile
    var sample = { offset: serverNow - (sentAt + receivedAt) / 2, rtt: receivedAt - sentAt };
    // Each sample puts the true offset within half its round trip of its own. An older one
    // that cannot agree with the newest was taken before a clock was set (a phone
    // correcting its time by minutes after it woke, the laptop's too): it would keep the
    // clock minutes off for a dozen polls, so it goes.
    this.samples = this.samples.filter(function (old) {
      return Math.abs(old.offset - sample.offset) <= (old.rtt + sample.rtt) / 2 + SAMPLE_SLACK;
    });
    this.samples.push(sample);
    if (this.samples.length > 12) { this.samples.shift(); }
    var best = this.samples[0];
    for (var i = 1; i < this.samples.length; i++) {
      if (this.samples[i].rtt < best.rtt) { best = this.samples[i]; }
    }
    this.offset = best.offset;
  };

  // How old the laptop's last answer is, in milliseconds, by the larger of two clocks:
  // the monotonic one (performance.now) stops while a phone or tablet sleeps, and the wall
  // clock may be set back. A device waking after a break, its Wi-Fi not back yet, must not
  // show the clock from before the break as live (a speaker long gone, minutes OVER TIME).
  function AnswerAge() { this.ticks = null; this.wall = null; }
  AnswerAge.prototype.answered = function () {
    this.ticks = performance.now();
    this.wall = Date.now();
  };
  // Older than limitMs? Before the first answer: has the page waited that long for one?
  AnswerAge.prototype.stale = function (limitMs) {
    if (this.ticks === null) { return performance.now() > limitMs; }
    return Math.max(performance.now() - this.ticks, Math.abs(Date.now() - this.wall)) > limitMs;
  };

  window.facilitatorStageClock = {
    elapsed: elapsed, plannedAt: plannedAt, countdownSeconds: countdownSeconds,
    formatClock: formatClock, timeLeft: timeLeft, level: level, isPaused: isPaused,
    OffsetEstimate: OffsetEstimate, AnswerAge: AnswerAge
  };
}());
