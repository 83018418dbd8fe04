import { cases } from '../support/ruleTester';

const head = 'package p\n\nimport (\n\t"fmt"\n\t"log"\n\t"log/slog"\n\n\t"github.com/sirupsen/logrus"\n\t"go.uber.org/zap"\n)\n\nvar _, _, _, _, _ = fmt.Print, log.Print, slog.Info, logrus.Info, zap.L\n\n';
const fn = (body: string) => `${head}func f() {\n${body}}\n`;

export default cases({
  valid: [
    {
      name: 'Does not flag: a value wrapped in a call whose name starts with redact, mask, hash, sanitize (any case)',
      code: fn('\tlog.Printf("login %s", redact(password))\n\tlog.Printf("login %s", util.MaskEmail(user.Email))\n\tlog.Printf("login %s", HashToken(token))\n\tlog.Printf("login %s", sanitize(apiKey))\n'),
    },
    {
      name: 'Does not flag: a value in len(...)',
      code: fn('\tlog.Printf("password has %d characters", len(password))\n'),
    },
    {
      name: 'Does not flag: a pair whose value is wrapped (slog, zap and logrus keys)',
      code: fn('\tslog.Info("login", "password", redact(pw))\n\tlogger.Info("login", zap.String("token", maskToken(t)))\n\tlogrus.WithField("session_id", hashID(s)).Info("x")\n\tslog.Info("login", "token", len(tok))\n'),
    },
    {
      name: 'the words of a literal message or format are prose, not data',
      code: fn('\tlog.Printf("invalid password for user %s", name)\n\tslog.Warn("token expired", "user", name)\n\tfmt.Println("enter your email:")\n'),
    },
    {
      name: 'names about the data rather than the data (hasPassword, tokenType, secret.Name)',
      code: fn('\tlog.Printf("%v %s %s %d", hasPassword, tokenType, secret.Name, maxTokens)\n\tslog.Info("cfg", "password_file", passwordFile)\n'),
    },
    {
      name: 'calls that are not logging: http.Error, errors, string building',
      code: 'package p\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc f(w http.ResponseWriter, token string) error {\n\thttp.Error(w, token, 401)\n\treturn fmt.Errorf("bad token %s", token)\n}\n',
    },
    {
      name: 'a package-level call of a package that does not log',
      code: 'package p\n\nimport "example.com/vault"\n\nfunc f(token string) {\n\tvault.Info(token)\n}\n',
    },
    {
      name: 'zap fields other than a sensitive key or value',
      code: fn('\tlogger.Info("login", zap.String("user", name), zap.Any("roles", roles))\n'),
    },
    {
      name: 'a lexical token: the file uses go/token or text/scanner (x/tools go/expect)',
      code: 'package p\n\nimport (\n\t"go/token"\n\t"log"\n)\n\nvar _ token.Pos\n\nfunc f(t *T) {\n\tlog.Printf("unexpected %s", t.TokenString())\n}\n',
    },
    {
      name: 'a lexical token: the format talks about parsing (x/text plural gen)',
      code: fn('\tlog.Fatalf("Unexpected token %q", token)\n'),
    },
    {
      name: 'a lexical token: the file declares a token type (go-mssqldb)',
      code: 'package p\n\nimport "log"\n\ntype token byte\n\nfunc f(token token) {\n\tlog.Printf("got token %v", token)\n}\n',
    },
    {
      name: 'pagination and load-balancing tokens are not credentials (AWS NextToken, grpclb)',
      code: fn('\tlog.Printf("%s %s", out.NextToken, s.LoadBalanceToken)\n'),
    },
  ],
  invalid: [
    {
      name: 'log functions: an identifier naming a password',
      code: fn('\tlog.Printf("login %s %s", user, «password»)\n'),
      messages: ['"password" looks like a secret or personal data'],
    },
    {
      name: 'fmt.Print functions: a selector\'s last name (email, phone)',
      code: fn('\tfmt.Println("user", u.«Email», u.«PhoneNumber»)\n'),
    },
    {
      name: 'log/slog: a key literal naming a secret (one finding per pair)',
      code: fn('\tslog.Info("login", «"password"», pw, "user", name)\n'),
    },
    {
      name: 'log/slog: a value naming a secret under an innocent key',
      code: fn('\tslog.Info("login", "auth", «accessToken»)\n\tslog.With("k", «refreshToken»).Info("x")\n'),
    },
    {
      name: 'methods named Print*, Info*, Warn*, Error*, Debug*, Fatal*',
      code: fn('\tl.Printf("%s", «apiToken»)\n\tl.Infof("%s", «apiKey»)\n\tl.Warnw("x", «"api_key"», k)\n\tl.Error("x", "c", «cookie»)\n\tl.Debug("x", «"sessionID"», s)\n\tl.Fatalf("%s", «session_id»)\n'),
    },
    {
      name: 'methods With, WithField, WithFields (logrus)',
      code: fn('\tlogrus.WithField(«"creditCard"», c).Info("paid")\n\tentry.WithFields(logrus.Fields{«"card_number"»: n, "amount": a}).Info("paid")\n\tl.With(«"cvv"», v).Info("paid")\n'),
    },
    {
      name: 'zap.String, zap.Any, zap.Reflect fields, inside a call or alone',
      code: fn('\tlogger.Info("login", zap.String(«"token"», t))\n\tfields := []zap.Field{zap.Any(«"ssn"», s), zap.Reflect("doc", «idCard»)}\n\t_ = fields\n'),
    },
    {
      name: 'fields of other types inside a logging call',
      code: fn('\tlogger.Info("x", zap.Int(«"cvv"», n))\n\tslog.Info("x", slog.String(«"Authorization"», h))\n'),
    },
    {
      name: 'any case, _ or camelCase: passwd, pwd, secret, SECRET_KEY, Authorization header',
      code: fn('\tlog.Println(«passwd», «PWD», «clientSecret», «SECRET_KEY»)\n\tlog.Println(r.Header.Get(«"Authorization"»))\n'),
    },
    {
      name: 'a content accessor of a sensitive value: cookie.Value, token.String()',
      code: fn('\tlog.Println(«cookie».Value, «token».String())\n'),
    },
    {
      name: 'logrus package functions',
      code: fn('\tlogrus.Infof("user %s", «email»)\n'),
    },
      {
      name: 'a plain token outside any lexer is a credential (etcd auth)',
      code: fn('\tplog.Warningf("invalid auth token: %s", «token»)\n\tlog.Printf("%s %s", «authToken», «idToken»)\n'),
    },
  ],
});
