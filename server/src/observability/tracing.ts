import type * as OtelApi from '@opentelemetry/api';

/** One unit of traced work; `end` is called once. */
export interface TraceSpan {
  end(error?: unknown): void;
}

/**
 * Spans for requests, GraphQL operations and SQL statements. Without a collector
 * (`OTEL_EXPORTER_OTLP_ENDPOINT` unset) every call is a no-op and no OpenTelemetry module is
 * even loaded: tracing costs nothing unless asked for.
 */
export interface Tracing {
  readonly enabled: boolean;
  /** Runs `work` inside a new span, child of the current one; the span ends when it settles. */
  inSpan<T>(name: string, attributes: Record<string, string | number>, work: () => T): T;
  /** A span that starts now, child of the current one, ended by the caller. */
  startSpan(name: string, attributes: Record<string, string | number>): TraceSpan;
  /** Sends the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

const NO_SPAN: TraceSpan = { end() {} };

export const NO_TRACING: Tracing = {
  enabled: false,
  inSpan: (_name, _attributes, work) => work(),
  startSpan: () => NO_SPAN,
  shutdown: async () => {},
};

/** Tracing to an OTLP/HTTP collector at `endpoint`, or none when it is null. */
export function loadTracing(endpoint: string | null, serviceName = 'polegraph'): Tracing {
  if (endpoint === null) return NO_TRACING;
  // Loaded here only: with no endpoint, none of these modules is ever required.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const api = require('@opentelemetry/api') as typeof OtelApi;
  const { NodeTracerProvider, BatchSpanProcessor } =
    require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { resourceFromAttributes } =
    require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  /* eslint-enable @typescript-eslint/no-require-imports */

  const exporter = new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  // Installs the async context manager, so child spans find their parent across awaits.
  provider.register();
  const tracer = provider.getTracer('polegraph');

  const finish = (span: OtelApi.Span, error?: unknown) => {
    if (error !== undefined) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: api.SpanStatusCode.ERROR });
    }
    span.end();
  };
  return {
    enabled: true,
    inSpan(name, attributes, work) {
      return tracer.startActiveSpan(name, { attributes }, (span) => {
        try {
          const result = work();
          if (result instanceof Promise) {
            return result.then(
              (value: unknown) => (finish(span), value),
              (error: unknown) => {
                finish(span, error);
                throw error;
              },
            ) as typeof result;
          }
          finish(span);
          return result;
        } catch (error) {
          finish(span, error);
          throw error;
        }
      });
    },
    startSpan(name, attributes) {
      const span = tracer.startSpan(name, { attributes });
      return { end: (error?: unknown) => finish(span, error) };
    },
    async shutdown() {
      await provider.shutdown();
    },
  };
}
