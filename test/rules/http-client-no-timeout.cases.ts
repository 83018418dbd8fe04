import { cases } from '../support/ruleTester';

export default cases({
  valid: [
    {
      name: 'test support calls a test server on this machine (httptest.Server.Client)',
      code: 'package httptest\n\nimport "net/http"\n\nfunc newClient() *http.Client {\n\treturn &http.Client{Transport: &http.Transport{}}\n}\n',
    },
    {
      name: 'a literal with Timeout: set to anything (even a variable)',
      code: `package p

import (
	"net/http"
	"time"
)

var timeout = 3 * time.Second

var a = &http.Client{Timeout: 5 * time.Second}

var b = http.Client{
	Transport: http.DefaultTransport,
	Timeout:   timeout,
}
`,
    },
    {
      name: 'a positional literal sets every field, Timeout included',
      code: `package p

import "net/http"

var c = http.Client{nil, nil, nil, 0}
`,
    },
    {
      name: 'imports are resolved: a Client of another package',
      code: `package p

import "example.com/api"

var c = &api.Client{}
var d = new(api.Client)
`,
    },
    {
      name: 'the Timeout is set on the variable right after',
      code: `package p

import (
	"net/http"
	"time"
)

func client() *http.Client {
	c := &http.Client{}
	c.Timeout = 5 * time.Second
	d := new(http.Client)
	d.Timeout = time.Second
	return c
}
`,
    },
  ],
  invalid: [
    {
      name: 'a composite literal &http.Client{...} with no Timeout field: an empty one is broken over lines; time joins the import block',
      code: `package p

import (
	"net/http"
)

func client() *http.Client {
	return &«http.Client»{}
}
`,
      messages: ['Timeout'],
      output: `package p

import (
	"net/http"
	"time"
)

func client() *http.Client {
	return &http.Client{
		Timeout: 10 * time.Second,
	}
}
`,
    },
    {
      name: 'a composite literal http.Client{...} with no Timeout field: a one-line one stays on one line; time already imported',
      code: `package p

import (
	"net/http"
	"time"
)

var d = time.Second

var c = «http.Client»{Transport: http.DefaultTransport}
`,
      output: `package p

import (
	"net/http"
	"time"
)

var d = time.Second

var c = http.Client{Timeout: 10 * time.Second, Transport: http.DefaultTransport}
`,
    },
    {
      name: 'multi-line literal: the new line joins the alignment of the lines after it',
      code: `package p

import "net/http"

func clients(t http.RoundTripper) (*http.Client, *http.Client) {
	long := &«http.Client»{
		Transport:     t,
		CheckRedirect: nil, // follow redirects
	}
	short := &«http.Client»{ // short keys
		Jar: nil,
		Transport: &http.Transport{
			MaxIdleConns: 10,
		},
	}
	return long, short
}
`,
      output: `package p

import (
	"net/http"
	"time"
)

func clients(t http.RoundTripper) (*http.Client, *http.Client) {
	long := &http.Client{
		Timeout:       10 * time.Second,
		Transport:     t,
		CheckRedirect: nil, // follow redirects
	}
	short := &http.Client{ // short keys
		Timeout: 10 * time.Second,
		Jar:     nil,
		Transport: &http.Transport{
			MaxIdleConns: 10,
		},
	}
	return long, short
}
`,
    },
    {
      name: 'inside aligned lines (a multi-line literal, a var group) an empty literal stays on one line; none with a trailing comment',
      code: `package p

import (
	"net/http"
	"time"
)

type service struct {
	name    string
	client  *http.Client
	backoff time.Duration
}

var svc = service{
	name:    "users",
	client:  &«http.Client»{},
	backoff: time.Second,
}

var (
	primary  = &«http.Client»{}
	fallback = &«http.Client»{} // used when primary fails
	retries  = 3              // per call
)
`,
      output: `package p

import (
	"net/http"
	"time"
)

type service struct {
	name    string
	client  *http.Client
	backoff time.Duration
}

var svc = service{
	name:    "users",
	client:  &http.Client{Timeout: 10 * time.Second},
	backoff: time.Second,
}

var (
	primary  = &http.Client{Timeout: 10 * time.Second}
	fallback = &http.Client{} // used when primary fails
	retries  = 3              // per call
)
`,
    },
    {
      name: 'a file whose only other import is import "C" keeps the cgo preamble on its own declaration',
      code: `package p

// #include <stdlib.h>
import "C"

import "net/http"

var c = &«http.Client»{}
`,
      output: `package p

// #include <stdlib.h>
import "C"

import (
	"net/http"
	"time"
)

var c = &http.Client{
	Timeout: 10 * time.Second,
}
`,
    },
    {
      name: 'new(http.Client) is flagged, with no fix',
      code: `package p

import "net/http"

var c = «new(http.Client)»
`,
      messages: ['new(http.Client)'],
      output: null,
    },
    {
      name: 'aliased import of net/http, no other import, non-ASCII text before the finding',
      code: `package p

import nethttp "net/http"

// Клиент для 支付 😀
var c = &«nethttp.Client»{Jar: nil}
`,
      output: `package p

import (
	nethttp "net/http"
	"time"
)

// Клиент для 支付 😀
var c = &nethttp.Client{Timeout: 10 * time.Second, Jar: nil}
`,
    },
    {
      name: 'time imported under an alias is used under it',
      code: `package p

import (
	"net/http"
	stdtime "time"
)

var d = stdtime.Second

var c = &«http.Client»{}
`,
      output: `package p

import (
	"net/http"
	stdtime "time"
)

var d = stdtime.Second

var c = &http.Client{
	Timeout: 10 * stdtime.Second,
}
`,
    },
    {
      name: 'third-party imports: time goes to the standard group',
      code: `package p

import (
	"net/http"

	"example.com/auth"
)

var c = &«http.Client»{Transport: auth.Transport()}
`,
      output: `package p

import (
	"net/http"
	"time"

	"example.com/auth"
)

var c = &http.Client{Timeout: 10 * time.Second, Transport: auth.Transport()}
`,
    },
  ],
});
