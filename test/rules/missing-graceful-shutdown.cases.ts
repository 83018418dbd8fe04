import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    {
      name: 'Shutdown on signal.NotifyContext',
      code: 'package main\n\nimport (\n\t"context"\n\t"net/http"\n\t"os"\n\t"os/signal"\n\t"time"\n)\n\nfunc main() {\n\tctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)\n\tdefer stop()\n\tsrv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}\n\tgo func() { _ = srv.ListenAndServe() }()\n\t<-ctx.Done()\n\tshutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)\n\tdefer cancel()\n\t_ = srv.Shutdown(shutdown)\n}\n',
    },
    {
      name: 'signal.Notify alone counts',
      code: 'package main\n\nimport (\n\t"net/http"\n\t"os"\n\t"os/signal"\n)\n\nfunc main() {\n\tch := make(chan os.Signal, 1)\n\tsignal.Notify(ch, os.Interrupt)\n\tgo func() { <-ch; os.Exit(0) }()\n\t_ = http.ListenAndServe(":8080", nil)\n}\n',
    },
    {
      name: '.Shutdown( anywhere in the file counts',
      code: 'package main\n\nimport (\n\t"context"\n\t"net/http"\n)\n\nvar srv = &http.Server{Addr: ":8080"}\n\nfunc main() {\n\t_ = srv.ListenAndServe()\n}\n\nfunc stop() { _ = srv.Shutdown(context.Background()) }\n',
    },
    {
      name: 'a package other than main',
      code: 'package server\n\nimport "net/http"\n\nfunc main() {\n\t_ = http.ListenAndServe(":8080", nil)\n}\n',
    },
    {
      name: 'a file of package main without a main function',
      code: 'package main\n\nimport "net/http"\n\nfunc serve() error {\n\treturn http.ListenAndServe(":8080", nil)\n}\n',
    },
    {
      name: 'ListenAndServe of another package (a graceful wrapper)',
      code: 'package main\n\nimport "example.com/endless"\n\nfunc main() {\n\t_ = endless.ListenAndServe(":8080", nil)\n}\n',
    },
    {
      name: 'a router\'s Serve() without a listener is not a server start (universal-translator example)',
      code: 'package main\n\nimport "net/http"\n\ntype router struct{}\n\nfunc (router) Serve() http.Handler { return nil }\n\nfunc main() {\n\tvar r router\n\thttp.Handle("/", r.Serve())\n}\n',
    },
  ],
  invalid: [
    {
      name: 'http.ListenAndServe in main',
      code: 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.HandleFunc("/", func(http.ResponseWriter, *http.Request) {})\n\t_ = «http.ListenAndServe(":8080", nil)»\n}\n',
      messages: ['Shutdown'],
    },
    {
      name: 'a router\'s Serve() passed to http.ListenAndServe: one finding, on ListenAndServe',
      code: 'package main\n\nimport "net/http"\n\ntype router struct{}\n\nfunc (router) Serve() http.Handler { return nil }\n\nfunc main() {\n\tvar r router\n\t_ = «http.ListenAndServe(":8080", r.Serve())»\n}\n',
    },
    {
      name: '(*http.Server).ListenAndServeTLS',
      code: 'package main\n\nimport (\n\t"log"\n\t"net/http"\n)\n\nfunc main() {\n\tsrv := &http.Server{Addr: ":8443"}\n\tlog.Fatal(«srv.ListenAndServeTLS("cert.pem", "key.pem")»)\n}\n',
    },
    {
      name: '.Serve( on a listener, started from another function of the file',
      code: 'package main\n\nimport (\n\t"net"\n\t"net/http"\n)\n\nfunc main() {\n\tif err := run(); err != nil {\n\t\tpanic(err)\n\t}\n}\n\nfunc run() error {\n\tln, err := net.Listen("tcp", ":8080")\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn «http.Serve(ln, nil)»\n}\n',
    },
    {
      name: 'a Notify that is not os/signal\'s does not count',
      code: 'package main\n\nimport (\n\t"net/http"\n\n\t"example.com/signal"\n)\n\nfunc main() {\n\tsignal.Notify()\n\t_ = «http.ListenAndServe(":8080", nil)»\n}\n',
    },
  ],
});
