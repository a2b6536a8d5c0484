#pragma once
// The assessment dialog: the complaint and pain scores, the body chart with the regions marked,
// palpation findings, the outcome measures (ODI, Roland-Morris, PSFS) scored live with their change
// against the baseline, and the red-flag screen with a stop-and-refer warning. Also edits an
// existing assessment. Ctrl+Z (or Undo) takes back the last change, a body-map click included, and
// shows the page it was on; Ctrl+Shift+Z and Ctrl+Y redo it. The logic lives in
// AssessmentPresenter (assessment_presenter.h).
#include "assessment/assessment.h"

#include <wx/dialog.h>

#include <memory>
#include <optional>

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

class AssessmentDialog : public wxDialog {
public:
    // `assessment` empty: a new assessment of `client` dated today; otherwise edits that one.
    // Throws NotFoundError (or another knotwork::Error) before any window is made when the client
    // or the assessment cannot be loaded.
    AssessmentDialog(wxWindow* parent, db::Database& db, ClientId client,
                     std::optional<AssessmentId> assessment);
    ~AssessmentDialog() override;
    // The id of the assessment saved when ShowModal() returned wxID_OK.
    AssessmentId saved_assessment() const { return m_saved; }

private:
    struct Widgets;
    void save();
    void cancel();
    void close_with(int code);

    AssessmentId m_saved = 0;
    std::unique_ptr<Widgets> m_w;
};

} // namespace knotwork::gui
