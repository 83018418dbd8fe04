import { cases } from '../support/ruleTester';

const head = 'package p\n\nimport (\n\t"github.com/prometheus/client_golang/prometheus"\n\t"github.com/prometheus/client_golang/prometheus/promauto"\n)\n\nvar _ = promauto.With\n\n';
const opts = 'prometheus.CounterOpts{Name: "requests_total"}';

export default cases({
  valid: [
    {
      name: 'bounded labels: method, route, status code',
      code: `${head}var c = prometheus.NewCounterVec(${opts}, []string{"method", "route", "code"})\n`,
    },
    {
      name: 'labels given as a variable are not judged',
      code: `${head}var labels = []string{"user_id"}\n\nvar c = prometheus.NewCounterVec(${opts}, labels)\n`,
    },
    {
      name: 'a NewCounterVec of another package',
      code: 'package p\n\nimport "example.com/metrics"\n\nvar c = metrics.NewCounterVec(metrics.Opts{}, []string{"user_id"})\n',
    },
    {
      name: 'label names that only contain an unbounded word',
      code: `${head}var c = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "x"}, []string{"user_type", "path_template", "ip_family"})\n`,
    },
  ],
  invalid: [
    {
      name: 'prometheus.NewCounterVec with user_id; reported on the literal',
      code: `${head}var c = prometheus.NewCounterVec(${opts}, []string{"method", «"user_id"»})\n`,
      messages: ['Label "user_id" takes one value per user'],
    },
    {
      name: 'each unbounded name, any case: user_id, userid, uid, user, email, ip, client_ip, remote_addr, url, uri',
      code: `${head}var c = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "x"}, []string{«"user_id"», «"userID"», «"uid"», «"User"», «"email"», «"IP"», «"client_ip"», «"remote_addr"», «"url"», «"uri"»})\n`,
    },
    {
      name: 'each unbounded name: path, query, request_id, trace_id, span_id, session_id, token, uuid, id, order_id',
      code: `${head}var h = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "x_seconds"}, []string{«"path"», «"query"», «"request_id"», «"trace_id"», «"span_id"», «"session_id"», «"token"», «"uuid"», «"id"», «"order_id"»})\n`,
    },
    {
      name: 'promauto and the promauto factory, NewSummaryVec',
      code: `${head}var (\n\ta = promauto.NewSummaryVec(prometheus.SummaryOpts{Name: "x_seconds"}, []string{«"url"»})\n\tb = promauto.With(prometheus.DefaultRegisterer).NewCounterVec(${opts}, []string{«"ip"»})\n)\n`,
    },
  ],
});
