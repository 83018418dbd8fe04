import { cases } from '../support/ruleTester';

const G = 'package p\n\nimport (\n\t"context"\n\t"net/http"\n\n\t"gorm.io/gorm"\n)\n\ntype User struct{ Name string }\n\n';

export default cases({
  valid: [
    {
      name: 'WithContext earlier in the chain',
      code: `${G}func load(ctx context.Context, db *gorm.DB) (User, error) {\n\tvar u User\n\terr := db.WithContext(ctx).Where("name = ?", "a").First(&u).Error\n\treturn u, err\n}\n`,
    },
    {
      name: 'chains that start at the parameter of a function literal passed to Transaction',
      code: `${G}func save(ctx context.Context, db *gorm.DB) error {\n\treturn db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {\n\t\treturn tx.Create(&User{Name: "Alice"}).Error\n\t})\n}\n`,
    },
    {
      name: 'no context in scope',
      code: `${G}func seed(db *gorm.DB) error {\n\treturn db.Create(&User{}).Error\n}\n\nvar _ http.Handler\nvar _ context.Context\n`,
    },
    {
      name: 'a file that does not import gorm.io/gorm',
      code: 'package p\n\nimport "context"\n\ntype store interface{ Create(any) error }\n\nfunc save(ctx context.Context, db store) error {\n\treturn db.Create(1)\n}\n',
    },
    {
      name: 'a receiver of another name and type',
      code: `${G}type cache struct{}\n\nfunc (cache) Find(any) {}\n\nfunc load(ctx context.Context, users cache, db *gorm.DB) {\n\tusers.Find(nil)\n\t_ = db.WithContext(ctx)\n}\n`,
    },
    {
      name: 'a transaction begun with a context',
      code: `${G}func move(ctx context.Context, db *gorm.DB) error {\n\ttx := db.WithContext(ctx).Begin()\n\tif err := tx.Create(&User{}).Error; err != nil {\n\t\ttx.Rollback()\n\t\treturn err\n\t}\n\treturn tx.Commit().Error\n}\n`,
    },
    {
      name: 'a Session carrying the context',
      code: `${G}func load(ctx context.Context, db *gorm.DB) error {\n\tvar u User\n\treturn db.Session(&gorm.Session{Context: ctx}).First(&u).Error\n}\n`,
    },
    {
      name: 'a tx or db declared with another type in a GORM file',
      code: 'package p\n\nimport (\n\t"context"\n\t"database/sql"\n\n\t"gorm.io/gorm"\n)\n\ntype store struct {\n\tdb   *sql.DB\n\torm  *gorm.DB\n}\n\nfunc (s *store) move(ctx context.Context, tx *sql.Tx) error {\n\tif _, err := tx.ExecContext(ctx, "UPDATE t SET a = 1"); err != nil {\n\t\treturn err\n\t}\n\t_, err := s.db.ExecContext(ctx, "UPDATE t SET b = 1")\n\treturn err\n}\n\nfunc (s *store) raw(ctx context.Context, tx *sql.Tx) {\n\ttx.Exec("VACUUM")\n\ts.db.Exec("VACUUM")\n\t_ = s.orm.WithContext(ctx)\n}\n',
    },
  ],
  invalid: [
    {
      name: 'Transaction on db in an HTTP handler (the documents\' GORM story)',
      code: `${G}var db *gorm.DB\n\nfunc create(w http.ResponseWriter, r *http.Request) {\n\t_ = «db.Transaction»(func(tx *gorm.DB) error {\n\t\treturn tx.Create(&User{Name: "Alice"}).Error\n\t})\n}\n`,
      messages: ['.WithContext(r.Context())'],
      output: `${G}var db *gorm.DB\n\nfunc create(w http.ResponseWriter, r *http.Request) {\n\t_ = db.WithContext(r.Context()).Transaction(func(tx *gorm.DB) error {\n\t\treturn tx.Create(&User{Name: "Alice"}).Error\n\t})\n}\n`,
    },
    {
      name: 'a chain reported once, at its first listed call',
      code: `${G}func load(ctx context.Context, db *gorm.DB) (User, error) {\n\tvar u User\n\terr := «db.Where»("name = ?", "a").First(&u).Error\n\treturn u, err\n}\n`,
      output: `${G}func load(ctx context.Context, db *gorm.DB) (User, error) {\n\tvar u User\n\terr := db.WithContext(ctx).Where("name = ?", "a").First(&u).Error\n\treturn u, err\n}\n`,
    },
    {
      name: 'a field named DB and a field declared as *gorm.DB',
      code: `${G}type repo struct {\n\tDB    *gorm.DB\n\tstore *gorm.DB\n}\n\nfunc (r *repo) save(ctx context.Context, u *User) error {\n\tif err := «r.DB.Save»(u).Error; err != nil {\n\t\treturn err\n\t}\n\treturn «r.store.Model»(u).Updates(map[string]any{"name": "b"}).Error\n}\n`,
      output: `${G}type repo struct {\n\tDB    *gorm.DB\n\tstore *gorm.DB\n}\n\nfunc (r *repo) save(ctx context.Context, u *User) error {\n\tif err := r.DB.WithContext(ctx).Save(u).Error; err != nil {\n\t\treturn err\n\t}\n\treturn r.store.WithContext(ctx).Model(u).Updates(map[string]any{"name": "b"}).Error\n}\n`,
    },
    {
      name: 'a parameter declared as *gorm.DB, and tx, orm, gormDB names',
      code: `${G}func clean(ctx context.Context, conn *gorm.DB, tx, orm, gormDB *gorm.DB) {\n\t«conn.Delete»(&User{})\n\t«tx.Exec»("VACUUM")\n\t«orm.Raw»("SELECT 1")\n\t«gormDB.Take»(&User{})\n}\n`,
      output: `${G}func clean(ctx context.Context, conn *gorm.DB, tx, orm, gormDB *gorm.DB) {\n\tconn.WithContext(ctx).Delete(&User{})\n\ttx.WithContext(ctx).Exec("VACUUM")\n\torm.WithContext(ctx).Raw("SELECT 1")\n\tgormDB.WithContext(ctx).Take(&User{})\n}\n`,
    },
    {
      name: 'Begin without a context is reported where the transaction starts',
      code: `${G}func move(ctx context.Context, db *gorm.DB) error {\n\ttx := «db.Begin»()\n\tif err := tx.Create(&User{}).Error; err != nil {\n\t\ttx.Rollback()\n\t\treturn err\n\t}\n\treturn tx.Commit().Error\n}\n`,
      output: `${G}func move(ctx context.Context, db *gorm.DB) error {\n\ttx := db.WithContext(ctx).Begin()\n\tif err := tx.Create(&User{}).Error; err != nil {\n\t\ttx.Rollback()\n\t\treturn err\n\t}\n\treturn tx.Commit().Error\n}\n`,
    },
    {
      name: 'in a goroutine: reported, no fix',
      code: `${G}func audit(ctx context.Context, db *gorm.DB) {\n\tgo func() {\n\t\t«db.Create»(&User{})\n\t}()\n}\n`,
      output: null,
    },
    {
      name: 'Find, Last and Update',
      code: `${G}func touch(ctx context.Context, db *gorm.DB) {\n\tvar all []User\n\t«db.Find»(&all)\n\tvar u User\n\t«db.Last»(&u)\n\t«db.Model»(&u).Update("name", "c")\n}\n`,
      output: `${G}func touch(ctx context.Context, db *gorm.DB) {\n\tvar all []User\n\tdb.WithContext(ctx).Find(&all)\n\tvar u User\n\tdb.WithContext(ctx).Last(&u)\n\tdb.WithContext(ctx).Model(&u).Update("name", "c")\n}\n`,
    },
  ],
});
