package workflow

import "time"

// BrandKit is how a user's ads look: a logo, colours and fonts. A font is
// a bundled family id ("inter") or the id of one of the user's fonts.
type BrandKit struct {
	ID           string    `json:"id"`
	UserID       string    `json:"user_id"`
	Name         string    `json:"name"`
	LogoURL      *string   `json:"logo_url"`
	PrimaryColor string    `json:"primary_color" doc:"The call-to-action button's colour, #rrggbb."`
	TextColor    *string   `json:"text_color" doc:"The preferred text colour, #rrggbb; null lets contrast choose white or black."`
	HeadlineFont string    `json:"headline_font"`
	BodyFont     string    `json:"body_font"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// Font is a font a user uploaded.
type Font struct {
	ID        string    `json:"id"`
	UserID    string    `json:"user_id"`
	Name      string    `json:"name"`
	URL       string    `json:"url"`
	Bytes     int64     `json:"bytes"`
	CreatedAt time.Time `json:"created_at"`
}
