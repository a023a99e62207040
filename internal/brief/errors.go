package brief

import "fmt"

// opError adds the operation to err, upspin style, so a log line says where
// a brief failed.
func opError(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", op, err)
}

// errOnePage would mean the layout drew past the page; the fitting exists so
// it never does.
var errOnePage = fmt.Errorf("brief did not fit one page")
