#pragma once
// The stop-and-refer warning the intake and the assessment show beside their red-flag questions:
// a red panel with white bold text (better than 7:1) giving a heading for the urgency, the advice
// and one bullet per reason, and, under them, a reminder the window supplies (where to record the
// referral). Named "red-flag-warning". It hides itself while the verdict raises no flag.
#include "screening/red_flags.h"

#include <wx/panel.h>
#include <wx/string.h>

class wxStaticText;

namespace knotwork::gui {

class RedFlagPanel : public wxPanel {
  public:
    explicit RedFlagPanel(wxWindow* parent);

    // Shows the verdict, or hides the panel when it does not stop treatment. Returns true when
    // the panel was shown or hidden by this call, so the caller lays its page out again.
    bool show_verdict(const RedFlagVerdict& verdict, const wxString& reminder = {});
    // Wraps the text for a panel about `width` pixels wide (the page's text column).
    void wrap(int width);

    // The heading for an urgency: "Stop: urgent, same-day emergency care".
    static wxString heading_text(ReferralUrgency urgency);
    // The advice, one bullet per reason, then the reminder after a blank line when there is one.
    static wxString body_text(const RedFlagVerdict& verdict, const wxString& reminder);

  private:
    int padding() const { return FromDIP(6); }

    wxStaticText* m_heading;
    wxStaticText* m_body;
    wxString m_text; // the body before Wrap() broke it into lines
    int m_wrapped = -1;
};

} // namespace knotwork::gui
