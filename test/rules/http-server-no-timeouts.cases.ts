import { cases } from '../support/ruleTester';

const HEAD = 'package p\n\nimport (\n\t"net/http"\n\t"time"\n)\n\n';
const HTTP_ONLY = 'package p\n\nimport (\n\t"log"\n\t"net/http"\n)\n\n';

export default cases({
  valid: [
    {
      name: 'test support serves tests on this machine (httptest.Server\'s Config)',
      code: 'package httptest\n\nimport "net/http"\n\nfunc NewUnstartedServer(handler http.Handler) *http.Server {\n\treturn &http.Server{Handler: handler}\n}\n',
    },
    {
      name: 'a literal that sets ReadHeaderTimeout',
      code: HEAD + 'var srv = &http.Server{\n\tAddr:              ":8080",\n\tReadHeaderTimeout: 5 * time.Second,\n}\n',
    },
    {
      name: 'a literal that sets ReadTimeout (to anything)',
      code: HEAD + 'func f(cfg Config) *http.Server {\n\treturn &http.Server{Addr: cfg.Addr, ReadTimeout: cfg.ReadTimeout}\n}\n',
    },
    {
      name: 'the timeout assigned right after the literal',
      code: HEAD + 'func f() error {\n\tsrv := &http.Server{Addr: ":8080"}\n\tsrv.ReadHeaderTimeout = 5 * time.Second\n\treturn srv.ListenAndServe()\n}\n',
    },
    {
      name: 'Server of another package',
      code: 'package p\n\nimport "example.com/rpc"\n\nvar s = rpc.Server{Addr: ":1"}\n',
    },
    {
      name: 'ListenAndServe of another package named http',
      code: 'package p\n\nimport http "example.com/fake"\n\nfunc main() {\n\thttp.ListenAndServe(":8080", nil)\n}\n',
    },
  ],
  invalid: [
    {
      name: 'http.ListenAndServe(...)',
      code: HTTP_ONLY + 'func main() {\n\tlog.Fatal(«http.ListenAndServe»(":8080", nil))\n}\n',
      messages: ['http.ListenAndServe serves with no read or write timeouts'],
      output: null,
    },
    {
      name: 'http.ListenAndServeTLS(...)',
      code: HTTP_ONLY + 'func main() {\n\tlog.Fatal(«http.ListenAndServeTLS»(":443", "cert.pem", "key.pem", nil))\n}\n',
      output: null,
    },
    {
      name: '&http.Server{...} with neither field, multi-line: aligned as gofmt does',
      code: HTTP_ONLY + 'func main() {\n\tsrv := &«http.Server»{\n\t\tAddr:    ":8080",\n\t\tHandler: mux,\n\t}\n\tlog.Fatal(srv.ListenAndServe())\n}\n',
      messages: ['ReadHeaderTimeout'],
      output: 'package p\n\nimport (\n\t"log"\n\t"net/http"\n\t"time"\n)\n\n' +
        'func main() {\n\tsrv := &http.Server{\n\t\tReadHeaderTimeout: 5 * time.Second,\n\t\tAddr:              ":8080",\n\t\tHandler:           mux,\n\t}\n\tlog.Fatal(srv.ListenAndServe())\n}\n',
    },
    {
      name: 'http.Server{...} without &, one line: stays on one line',
      code: HEAD + 'var srv = «http.Server»{Addr: ":8080", WriteTimeout: time.Minute}\n',
      output: HEAD + 'var srv = http.Server{ReadHeaderTimeout: 5 * time.Second, Addr: ":8080", WriteTimeout: time.Minute}\n',
    },
    {
      name: 'an empty literal is broken over lines; the time import is added',
      code: 'package p\n\nimport "net/http"\n\nfunc f() {\n\tgo (&«http.Server»{}).ListenAndServe()\n}\n',
      output: 'package p\n\nimport (\n\t"net/http"\n\t"time"\n)\n\nfunc f() {\n\tgo (&http.Server{\n\t\tReadHeaderTimeout: 5 * time.Second,\n\t}).ListenAndServe()\n}\n',
    },
    {
      name: 'the run ends at a multi-line field, a blank line or a comment line; trailing comments realigned',
      code: HEAD + 'var srv = &«http.Server»{\n\tAddr:     ":8080", // public port\n\tErrorLog: logger,  // to stderr\n\tHandler:  mux,\n\tTLSConfig: &tls.Config{\n\t\tMinVersion: tls.VersionTLS12,\n\t},\n\tIdleTimeout: time.Minute,\n}\n',
      output: HEAD + 'var srv = &http.Server{\n\tReadHeaderTimeout: 5 * time.Second,\n\tAddr:              ":8080", // public port\n\tErrorLog:          logger,  // to stderr\n\tHandler:           mux,\n\tTLSConfig: &tls.Config{\n\t\tMinVersion: tls.VersionTLS12,\n\t},\n\tIdleTimeout: time.Minute,\n}\n',
    },
    {
      name: 'a first field that spans lines is not aligned with the new one',
      code: HEAD + 'var srv = &«http.Server»{\n\tHandler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {\n\t\tw.WriteHeader(http.StatusNoContent)\n\t}),\n\tAddr: ":8080",\n}\n',
      output: HEAD + 'var srv = &http.Server{\n\tReadHeaderTimeout: 5 * time.Second,\n\tHandler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {\n\t\tw.WriteHeader(http.StatusNoContent)\n\t}),\n\tAddr: ":8080",\n}\n',
    },
    {
      name: 'leading comment line stays above the fields; time imported under another name',
      code: 'package p\n\nimport (\n\t"net/http"\n\tstdtime "time"\n)\n\nvar srv = &«http.Server»{\n\t// public endpoint\n\tAddr: ":8080",\n\n\tWriteTimeout: stdtime.Minute,\n}\n',
      output: 'package p\n\nimport (\n\t"net/http"\n\tstdtime "time"\n)\n\nvar srv = &http.Server{\n\t// public endpoint\n\tReadHeaderTimeout: 5 * stdtime.Second,\n\tAddr:              ":8080",\n\n\tWriteTimeout: stdtime.Minute,\n}\n',
    },
  ],
});
