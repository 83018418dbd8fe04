import { cases } from '../support/ruleTester';

const head = 'package p\n\nimport (\n\t"github.com/prometheus/client_golang/prometheus"\n\t"github.com/prometheus/client_golang/prometheus/promauto"\n)\n\nvar _ = promauto.NewCounter\n\n';

export default cases({
  valid: [
    {
      name: 'conventional names: snake_case, counters in _total, base units',
      code: `${head}var (\n\trequests = prometheus.NewCounter(prometheus.CounterOpts{Namespace: "shop", Subsystem: "http", Name: "requests_total"})\n\tlatency  = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "request_duration_seconds"})\n\tinFlight = prometheus.NewGauge(prometheus.GaugeOpts{Name: "in_flight_requests"})\n\tsize     = prometheus.NewSummary(prometheus.SummaryOpts{Name: "response_size_bytes"})\n\tcpu      = prometheus.NewGauge(prometheus.GaugeOpts{Name: "cpu_usage_ratio"})\n)\n`,
    },
    {
      name: 'a name that is not a literal is not judged',
      code: `${head}func f(name string) prometheus.Counter {\n\treturn prometheus.NewCounter(prometheus.CounterOpts{Name: name})\n}\n`,
    },
    {
      name: 'a namespace that is not a literal: the literal parts are judged',
      code: `${head}const ns = "shop"\n\nvar c = prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Name: "orders_total"})\n`,
    },
    {
      name: 'CounterOpts of another package is not Prometheus',
      code: 'package p\n\nimport "example.com/metrics"\n\nvar c = metrics.CounterOpts{Name: "RequestCount"}\n',
    },
    {
      name: 'words that merely contain a unit (sms, hours in "office")',
      code: `${head}var c = prometheus.NewCounter(prometheus.CounterOpts{Name: "sms_sent_total"})\n`,
    },
  ],
  invalid: [
    {
      name: 'full name (Namespace_Subsystem_Name) not snake_case; reported on the Name value',
      code: `${head}var g = prometheus.NewGauge(prometheus.GaugeOpts{Namespace: "myApp", Name: «"queueDepth"»})\n`,
      messages: ['Metric name "myApp_queueDepth" is not snake_case: rename it (e.g. "my_app_queue_depth")'],
    },
    {
      name: 'a namespace with a dash is not snake_case',
      code: `${head}var g = prometheus.NewGauge(prometheus.GaugeOpts{Namespace: "my-app", Name: «"queue_depth"»})\n`,
    },
    {
      name: 'a counter whose name does not end in _total (promauto too)',
      code: `${head}var c = promauto.NewCounter(prometheus.CounterOpts{Name: «"http_requests"»})\n`,
      messages: ['is a counter without the _total suffix: rename it (e.g. "http_requests_total")'],
    },
    {
      name: 'non-base units: _milliseconds, _ms, _microseconds, _minutes, _hours instead of _seconds',
      code: `${head}var (\n\ta = prometheus.NewHistogram(prometheus.HistogramOpts{Name: «"latency_milliseconds"»})\n\tb = prometheus.NewHistogram(prometheus.HistogramOpts{Name: «"latency_ms"»})\n\tc = prometheus.NewSummary(prometheus.SummaryOpts{Name: «"latency_microseconds"»})\n\td = prometheus.NewGauge(prometheus.GaugeOpts{Name: «"uptime_minutes"»})\n\te = prometheus.NewGauge(prometheus.GaugeOpts{Name: «"uptime_hours"»})\n)\n`,
      messages: ['uses _milliseconds where Prometheus uses _seconds', 'uses _ms where', 'uses _microseconds where', 'uses _minutes where', 'uses _hours where'],
    },
    {
      name: 'non-base units: _kilobytes, _megabytes instead of _bytes, _percent instead of _ratio',
      code: `${head}var (\n\ta = prometheus.NewGauge(prometheus.GaugeOpts{Name: «"heap_kilobytes"»})\n\tb = prometheus.NewGauge(prometheus.GaugeOpts{Name: «"heap_megabytes"»})\n\tc = prometheus.NewGauge(prometheus.GaugeOpts{Name: «"cpu_percent"»})\n)\n`,
      messages: ['(e.g. "heap_bytes")', '(e.g. "heap_bytes")', '(e.g. "cpu_ratio")'],
    },
    {
      name: 'several problems in one finding',
      code: `${head}var c = prometheus.NewCounterVec(prometheus.CounterOpts{Name: «"RequestTimeMs"»}, []string{"code"})\n`,
      messages: ['is not snake_case, is a counter without the _total suffix and uses _ms where Prometheus uses _seconds: rename it (e.g. "request_time_seconds_total")'],
    },
  ],
});
