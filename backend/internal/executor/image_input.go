package executor

import (
	"context"
	"net/url"
	"strings"

	"github.com/visualadgen/visualadgen/backend/internal/blob"
	"github.com/visualadgen/visualadgen/backend/internal/fault"
	"github.com/visualadgen/visualadgen/backend/internal/workflow"
)

// ImageInputType is the node type of ImageInput.
const ImageInputType workflow.NodeType = "IMAGE_INPUT"

// ImageInputConfig is IMAGE_INPUT's config.
type ImageInputConfig struct {
	ImageURL string `json:"image_url" title:"Image" doc:"An http(s) link to a product photo, or an uploaded one." format:"uri-reference" minLength:"1" maxLength:"2048" ui:"upload"`
}

// uploadPrefixes are where uploaded photos live in the local folder (see
// POST /api/uploads): opaque paths, and those of earlier versions.
var uploadPrefixes = []string{"/files/" + blob.OpaqueDir + "/", "/files/uploads/"}

// imageInput emits a product photo's URL: {image_url} -> {image_url}.
type imageInput struct{}

// NewImageInput returns the IMAGE_INPUT executor.
func NewImageInput() Executor { return Typed[ImageInputConfig](imageInput{}) }

// Describe describes IMAGE_INPUT.
func (imageInput) Describe() Description {
	return Description{Type: ImageInputType, Label: "Image input", Icon: "image",
		Description: "A product photo: a link or an upload.",
		Output:      ImageInputOutput{}}
}

// Check accepts http(s) links and uploaded images.
func (imageInput) Check(c *ImageInputConfig, _ Wiring) []fault.Field {
	for _, p := range uploadPrefixes {
		if strings.HasPrefix(c.ImageURL, p) {
			return nil
		}
	}
	u, err := url.Parse(c.ImageURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return []fault.Field{{Location: "image_url", Message: "give an http(s) link to an image, or upload one"}}
	}
	return nil
}

// Run returns the URL.
func (imageInput) Run(_ context.Context, _ *Run, c ImageInputConfig) (*Result, error) {
	return &Result{Output: OutputOf(ImageInputOutput{ImageURL: c.ImageURL})}, nil
}
