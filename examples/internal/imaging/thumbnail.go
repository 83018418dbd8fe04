// Package imaging makes the product thumbnails shown in order emails.
package imaging

/*
#cgo pkg-config: vips
#include <stdlib.h>
#include <vips/vips.h>

static int thumbnail(const char *in, const char *out, int width) {
	VipsImage *img;
	if (vips_thumbnail(in, &img, width, NULL)) return -1;
	int rc = vips_image_write_to_file(img, out, NULL);
	g_object_unref(img);
	return rc;
}
*/
import "C"

import (
	"fmt"
	"unsafe"
)

// Thumbnail writes a copy of the image at in, scaled to width pixels, to out.
func Thumbnail(in, out string, width int) error {
	cin, cout := C.CString(in), C.CString(out)
	defer C.free(unsafe.Pointer(cin))
	defer C.free(unsafe.Pointer(cout))
	if C.thumbnail(cin, cout, C.int(width)) != 0 {
		return fmt.Errorf("thumbnail %s: libvips failed", in)
	}
	return nil
}
