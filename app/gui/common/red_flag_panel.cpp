#include "common/red_flag_panel.h"

#include "common/wx_text.h"

#include <wx/control.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace knotwork::gui {

namespace {

const wxColour stop_back{0xb0, 0x00, 0x20}; // white text on it reads at better than 7:1

} // namespace

RedFlagPanel::RedFlagPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName("red-flag-warning");
    SetBackgroundColour(stop_back);
    m_heading = new wxStaticText(this, wxID_ANY, wxString());
    m_heading->SetFont(m_heading->GetFont().Scaled(1.2f).Bold());
    m_heading->SetForegroundColour(*wxWHITE);
    m_body = new wxStaticText(this, wxID_ANY, wxString());
    m_body->SetFont(m_body->GetFont().Bold());
    m_body->SetForegroundColour(*wxWHITE);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_heading, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 2 * padding());
    sizer->Add(m_body, 0, wxEXPAND | wxALL, padding() + padding() / 2);
    SetSizer(sizer);
    Hide();
}

wxString RedFlagPanel::heading_text(ReferralUrgency urgency) {
    switch (urgency) {
    case ReferralUrgency::urgent_same_day:
        return _("Stop: urgent, same-day emergency care");
    case ReferralUrgency::refer_before_treatment:
        return _("Stop: refer before treatment");
    case ReferralUrgency::none:
        break;
    }
    return {};
}

wxString RedFlagPanel::body_text(const RedFlagVerdict& verdict, const wxString& reminder) {
    const wxString bullet = wx("\xE2\x80\xA2 ");
    wxString body = wxGetTranslation(wx(verdict.advice));
    for (const auto& reason : verdict.reasons)
        body += "\n" + bullet + wxGetTranslation(wx(reason));
    if (!reminder.empty()) body += "\n\n" + reminder;
    return body;
}

bool RedFlagPanel::show_verdict(const RedFlagVerdict& verdict, const wxString& reminder) {
    const bool stop = verdict.stop_treatment;
    if (stop) {
        m_heading->SetLabel(wxControl::EscapeMnemonics(heading_text(verdict.urgency)));
        const wxString text = wxControl::EscapeMnemonics(body_text(verdict, reminder));
        if (text != m_text) {
            m_text = text;
            m_body->SetLabel(m_text);
            if (m_wrapped > 0) m_body->Wrap(m_wrapped);
        }
    }
    if (IsShown() == stop) return false;
    Show(stop);
    return true;
}

void RedFlagPanel::wrap(int width) {
    const int inner = width - 4 * padding(); // the body's padding, and room to spare
    if (inner <= 0 || inner == m_wrapped) return;
    m_wrapped = inner;
    m_body->SetLabel(m_text); // Wrap() broke the old label into lines
    m_body->Wrap(inner);
}

} // namespace knotwork::gui
