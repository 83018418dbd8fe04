import { cases } from '../support/ruleTester';

const mod = (body: string) => `module example.com/shop\n\ngo 1.22\n\n${body}`;

export default cases({
  valid: [
    { name: 'the successors', fileName: 'go.mod', code: mod('require (\n\tgithub.com/golang-jwt/jwt/v5 v5.2.1\n\tgithub.com/google/uuid v1.6.0\n\tgoogle.golang.org/protobuf v1.34.1\n)\n') },
    {
      name: 'an indirect requirement: another dependency brings it in',
      fileName: 'go.mod',
      code: mod('require google.golang.org/grpc v1.64.0\n\nrequire github.com/golang/protobuf v1.5.4 // indirect\n'),
    },
    {
      name: 'replace, exclude and retract directives are no requirements',
      fileName: 'go.mod',
      code: mod('replace github.com/pkg/errors => ./errors\n\nexclude (\n\tgithub.com/satori/go.uuid v1.2.0\n)\n'),
    },
    { name: 'a module whose path only starts like one of them', fileName: 'go.mod', code: mod('require github.com/pkg/errorsx v1.0.0\n') },
    { name: 'Go files are not go.mod files', code: 'package p\n\n// require github.com/pkg/errors v0.9.1\nvar x = 1\n' },
  ],
  invalid: [
    {
      name: 'a require of github.com/pkg/errors; the message names the successor',
      fileName: 'go.mod',
      code: mod('require «github.com/pkg/errors» v0.9.1\n'),
      messages: ['github.com/pkg/errors is deprecated and no longer maintained; move to the standard library: errors.Is/As and fmt.Errorf with %w'],
    },
    {
      name: 'github.com/golang/protobuf, github.com/dgrijalva/jwt-go, github.com/satori/go.uuid, golang.org/x/net/context, github.com/form3tech-oss/jwt-go in a block',
      fileName: 'go.mod',
      code: mod([
        'require (',
        '\t«github.com/dgrijalva/jwt-go» v3.2.0+incompatible',
        '\t«github.com/form3tech-oss/jwt-go» v3.2.5+incompatible',
        '\t«github.com/golang/protobuf» v1.5.4 // pinned for the old API',
        '\t«github.com/satori/go.uuid» v1.2.0',
        '\tgithub.com/stretchr/testify v1.9.0',
        '\t«golang.org/x/net/context» v0.0.0-20190620200207-3b0461eec859',
        ')',
        '',
      ].join('\n')),
      messages: ['github.com/golang-jwt/jwt/v5', 'github.com/golang-jwt/jwt/v5', 'google.golang.org/protobuf', 'github.com/google/uuid', 'the standard library package context'],
    },
    {
      name: 'a quoted path and a major-version path of the same module',
      fileName: 'go.mod',
      code: mod('require «"github.com/pkg/errors"» v0.9.1\n\nrequire «github.com/dgrijalva/jwt-go/v4» v4.0.0-preview1\n'),
    },
  ],
});
