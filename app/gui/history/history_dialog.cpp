#include "history/history_dialog.h"

#include "common/wx_text.h"
#include "core/display_format.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/dataview.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace knotwork::gui {

// The rows come from the presenter, so a history of thousands of entries costs only the rows on
// screen.
class HistoryListModel : public wxDataViewVirtualListModel {
  public:
    explicit HistoryListModel(const HistoryPresenter& presenter)
        : wxDataViewVirtualListModel(static_cast<unsigned int>(presenter.size())), m_presenter(presenter) {}

    void rows_changed() { Reset(static_cast<unsigned int>(m_presenter.size())); }

    unsigned int GetColumnCount() const override { return HistoryPresenter::column_count; }
    wxString GetColumnType(unsigned int) const override { return "string"; }
    void GetValueByRow(wxVariant& value, unsigned int row, unsigned int col) const override {
        if (row >= m_presenter.size()) {
            value = wxString();
            return;
        }
        value = wx(m_presenter.cell(row, static_cast<HistoryPresenter::Column>(col)));
    }
    bool SetValueByRow(const wxVariant&, unsigned int, unsigned int) override { return false; }

  private:
    const HistoryPresenter& m_presenter;
};

HistoryDialog::HistoryDialog(wxWindow* parent, db::Database& db, ClientId client)
    : wxDialog(parent, wxID_ANY, _("Client History"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER | wxMAXIMIZE_BOX),
      m_presenter(std::make_unique<HistoryPresenter>(db, client)) {
    SetName("client-history");
    SetTitle(wx(m_presenter->title()));

    auto* intro =
        new wxStaticText(this, wxID_ANY,
                         _("Every change, signature, view, print and export of this client's records, newest "
                           "first. The history cannot be edited."));
    m_hide_views = new wxCheckBox(this, wxID_ANY, _("&Hide chart views"));

    auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                       wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_list =
        new wxDataViewCtrl(split, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxDV_SINGLE | wxDV_ROW_LINES);
    m_list->SetName("history-list");
    m_model = new HistoryListModel(*m_presenter);
    m_list->AssociateModel(m_model);
    m_model->DecRef();
    const auto width_of = [this](const std::string& sample, int dip) {
        return std::max(FromDIP(dip), m_list->GetTextExtent(wx(sample)).x + FromDIP(24));
    };
    const int when_width =
        width_of(app::format_date_time(DateTime(Date(2026, 12, 28), boost::posix_time::hours(12) +
                                                                        boost::posix_time::minutes(58))),
                 120);
    const int record_width =
        width_of(utf8(_("Treatment plan")) + " " + app::format_date(Date(2026, 12, 28)), 150);
    m_list->AppendTextColumn(_("When"), 0, wxDATAVIEW_CELL_INERT, when_width, wxALIGN_NOT,
                             wxDATAVIEW_COL_RESIZABLE);
    m_list->AppendTextColumn(_("Who"), 1, wxDATAVIEW_CELL_INERT, FromDIP(110), wxALIGN_NOT,
                             wxDATAVIEW_COL_RESIZABLE);
    m_list->AppendTextColumn(_("Action"), 2, wxDATAVIEW_CELL_INERT, FromDIP(90), wxALIGN_NOT,
                             wxDATAVIEW_COL_RESIZABLE);
    m_list->AppendTextColumn(_("Record"), 3, wxDATAVIEW_CELL_INERT, record_width, wxALIGN_NOT,
                             wxDATAVIEW_COL_RESIZABLE);
    m_list->AppendTextColumn(_("Changes"), 4, wxDATAVIEW_CELL_INERT, FromDIP(520), wxALIGN_NOT,
                             wxDATAVIEW_COL_RESIZABLE);

    m_details = new wxTextCtrl(split, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                               wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
    m_details->SetName("history-details");
    split->SetMinimumPaneSize(FromDIP(60));
    split->SetSashGravity(0.7);
    split->SplitHorizontally(m_list, m_details, FromDIP(380));

    m_status = new wxStaticText(this, wxID_ANY, wxString());

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(intro, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    top->Add(m_hide_views, 0, wxALIGN_CENTER_VERTICAL);
    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    bottom->Add(m_status, 1, wxALIGN_CENTER_VERTICAL);
    bottom->Add(new wxButton(this, wxID_CLOSE), 0, wxALIGN_CENTER_VERTICAL);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, FromDIP(8));
    sizer->Add(split, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(bottom, 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizer(sizer);
    SetSize(FromDIP(wxSize(1100, 640)));
    SetMinSize(FromDIP(wxSize(600, 360)));
    SetEscapeId(wxID_CLOSE);
    SetAffirmativeId(wxID_CLOSE);

    m_hide_views->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        if (m_presenter->set_hide_views(m_hide_views->GetValue())) rows_changed();
    });
    m_list->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) { show_details(); });
    rows_changed();
    // Once shown, so the arrow keys move through the entries at once.
    CallAfter([this] { m_list->SetFocus(); });
}

// The list reads the presenter while it is alive: take it down before the presenter goes.
HistoryDialog::~HistoryDialog() {
    DestroyChildren();
}

void HistoryDialog::rows_changed() {
    m_model->rows_changed();
    m_status->SetLabel(wx(m_presenter->status_text()));
    if (m_presenter->size() > 0) {
        const wxDataViewItem first = m_model->GetItem(0);
        m_list->Select(first);
        m_list->EnsureVisible(first);
    }
    show_details();
}

void HistoryDialog::show_details() {
    const wxDataViewItem item = m_list->GetSelection();
    if (!item.IsOk()) {
        m_details->ChangeValue(m_presenter->size() == 0 ? _("Nothing recorded yet.") : wxString());
        return;
    }
    const unsigned int row = m_model->GetRow(item);
    m_details->ChangeValue(row < m_presenter->size() ? wx(m_presenter->details(row)) : wxString());
}

} // namespace knotwork::gui
