package ingest

import "testing"

// Page furniture is recognised as whole lines; sentences that use the same
// words stay.
func TestFurnitureLines(t *testing.T) {
	furniture := []string{"Image 1 of 9", "3 of 6", "Caption", "Close", "Hide caption", "Comments", "12 comments",
		"Show comments (34)", "Comments are closed.", "Leave a Reply", "Join the conversation", "Tell us what you think...",
		"Share this article", "Like this story? Share it with a friend!", "Share on Facebook",
		"This website uses cookies to improve your experience. We'll assume you're ok with this.",
		"Volunteers fill sandbags outside the town hall (Image: GETTY)", "The river at dawn (Photo: Ana Ruiz/Reuters)",
		"The road to retiring early isn't easy.Kathrin Ziegler/Getty", "Protesters outside parliament. Ana Ruiz / Reuters",
		"© John Brecher Needle poking skin during administration of a flu shot.",
		"/*", "*/", "https://www.example.com/news/story", "www.example.com/news/story"}
	for _, p := range furniture {
		if !pageLabel(p) && !captionTail(p) && !junkLine(p) {
			t.Errorf("not taken as furniture: %q", p)
		}
	}
	prose := []string{"Comments by the minister angered the opposition.", "Close to 3,000 people were evacuated.",
		"Share prices fell 3 percent on Monday.", "The image of the city has changed (he said) since the war.",
		"The court said cookies set by the website required consent under the law, and fined the company.",
		"3 of the 6 suspects were released on Friday, police said.",
		"Prices rose 4 percent, according to figures compiled by Reuters."}
	for _, p := range prose {
		if pageLabel(p) || captionTail(p) || junkLine(p) {
			t.Errorf("prose taken as furniture: %q", p)
		}
	}
}
