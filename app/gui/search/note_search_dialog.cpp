#include "search/note_search_dialog.h"

#include "common/error_message.h"
#include "common/wx_text.h"
#include "core/display_format.h"

#include <wx/dataview.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

#include <algorithm>

namespace knotwork::gui {

NoteSearchDialog::NoteSearchDialog(wxWindow* parent, db::Database& db)
    : wxDialog(parent, wxID_ANY, _("Search Notes"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_db(db) {
    SetName("note-search");
    m_query = new wxSearchCtrl(this, wxID_ANY);
    m_query->SetDescriptiveText(_("Words in any note, e.g. piriformis sciatic"));
    m_results = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxDV_SINGLE | wxDV_ROW_LINES);
    // Wide enough for the longest short date the user's locale writes.
    const int date_width = m_results->GetTextExtent(wx(app::format_date(Date(2026, 12, 28)))).x + FromDIP(20);
    m_results->AppendTextColumn(_("Date"), wxDATAVIEW_CELL_INERT, std::max(FromDIP(90), date_width));
    m_results->AppendTextColumn(_("Client"), wxDATAVIEW_CELL_INERT, FromDIP(160));
    m_results->AppendTextColumn(_("Where the words occur"), wxDATAVIEW_CELL_INERT, FromDIP(480));
    m_status = new wxStaticText(this, wxID_ANY, _("Type to search every note and amendment."));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_query, 0, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(m_results, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(m_status, 0, wxALL, FromDIP(8));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizer(sizer);
    SetSize(FromDIP(wxSize(820, 520)));
    FindWindow(wxID_OK)->SetLabel(_("&Open Chart"));

    m_query->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { run_search(); });
    m_query->Bind(wxEVT_SEARCHCTRL_SEARCH_BTN, [this](wxCommandEvent&) { run_search(); });
    m_results->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { choose(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { choose(); }, wxID_OK);
    m_query->SetFocus();
}

void NoteSearchDialog::run_search() {
    m_results->DeleteAllItems();
    m_hits.clear();
    const std::string text = utf8(m_query->GetValue());
    try {
        m_hits = db::SessionRepository(m_db).search_notes(text, 200);
    } catch (const std::exception& e) {
        m_status->SetLabel(error_text(_("The search failed."), e));
        return;
    }
    for (const auto& h : m_hits) {
        wxVector<wxVariant> row;
        row.push_back(wx(app::format_date(h.starts_at.date())));
        row.push_back(wx(h.client_name));
        row.push_back((h.in_amendment ? _("Amendment: ") : wxString()) + wx(h.snippet));
        m_results->AppendItem(row);
    }
    if (text.empty()) m_status->SetLabel(_("Type to search every note and amendment."));
    else m_status->SetLabel(wxString::Format(wxPLURAL("%zu note found", "%zu notes found", m_hits.size()), m_hits.size()));
}

void NoteSearchDialog::choose() {
    const int row = m_results->GetSelectedRow();
    const int pick = row == wxNOT_FOUND && !m_hits.empty() ? 0 : row;
    if (pick == wxNOT_FOUND) return;
    m_chosen = m_hits[static_cast<std::size_t>(pick)].client;
    EndModal(wxID_OK);
}

} // namespace knotwork::gui
