import { Counter, Histogram, Registry } from 'prom-client';
import type { Outcome } from '../engine/index.js';
import type { CaptureResult } from '../service/capture.js';

/** Label values come from clients (sources) and configurations (routes): past this many, the rest are `other`. */
const MAX_LABEL_VALUES = 100;

class BoundedLabel {
  private readonly seen = new Set<string>();
  value(raw: string | null | undefined, absent: string): string {
    const value = raw ? raw.slice(0, 64) : absent;
    if (this.seen.has(value)) return value;
    if (this.seen.size >= MAX_LABEL_VALUES) return 'other';
    this.seen.add(value);
    return value;
  }
}

/** The service's Prometheus metrics, one registry per app (tests build many apps in one process). */
export class AppMetrics {
  readonly registry = new Registry();
  private readonly sources = new BoundedLabel();
  private readonly routes = new BoundedLabel();
  private readonly captures = new Counter({
    name: 'leadrouter_captures_total',
    help: 'Leads captured, by source and result (created, replayed, duplicate)',
    labelNames: ['source', 'result'] as const,
    registers: [this.registry],
  });
  private readonly decisions = new Counter({
    name: 'leadrouter_decisions_total',
    help: 'Routing decisions made at capture, by route and outcome (offer, queue, hold, unqualified)',
    labelNames: ['route', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'leadrouter_capture_duration_seconds',
    help: 'Time to capture one lead: normalise, dedupe, route and commit',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  private readonly spam = new Counter({
    name: 'leadrouter_form_spam_total',
    help: 'Form posts caught by the honeypot (answered as accepted, not captured), by form',
    labelNames: ['form'] as const,
    registers: [this.registry],
  });
  private readonly forms = new BoundedLabel();

  /** Starts timing a capture; call the result when it is committed. */
  startCapture(): () => void {
    return this.latency.startTimer();
  }

  captured(result: CaptureResult): void {
    this.captures.inc({ source: this.sources.value(result.lead.source, 'none'), result: result.kind });
    if (result.kind === 'created') {
      const outcome: Outcome['type'] | 'none' = result.decision?.outcome.type ?? 'none';
      this.decisions.inc({ route: this.routes.value(result.decision?.route, 'none'), outcome });
    }
  }

  /** A form post the honeypot caught. */
  caughtSpam(formKey: string): void {
    this.spam.inc({ form: this.forms.value(formKey, 'none') });
  }

  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
