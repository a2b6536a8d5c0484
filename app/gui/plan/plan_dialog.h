#pragma once
// The plan dialog (workflow 3, "Plan a series"): the advisor's ranked techniques with their
// reasons and the client's cautions, which the therapist accepts with a reason each; goals and
// target regions; the series with a live preview of its dated appointments (moves off closed
// days and clashes marked); the home-care programme. Save stores the plan and books its
// appointments in one step. Ctrl+Z (or Undo) takes back the last change and shows its page;
// Ctrl+Shift+Z and Ctrl+Y redo it; Cancel asks before it throws changes away. The logic lives in
// PlanPresenter (plan_presenter.h).
#include "plan/treatment_plan.h"

#include <wx/dialog.h>

#include <memory>

namespace knotwork::db {
class Database;
}

namespace knotwork::gui {

class PlanDialog : public wxDialog {
public:
    // Reads the client, the latest assessment and the practice settings before the window is
    // created, so a failure leaves no half-made window: throws NotFoundError for an unknown
    // client and knotwork::Error when the practice cannot be read (show it with show_error).
    // Without an assessment, or with red flags that call for referral, the dialog says so and
    // cannot save.
    PlanDialog(wxWindow* parent, db::Database& db, ClientId client);
    ~PlanDialog() override;

    // The plan saved when ShowModal() returned wxID_OK; 0 otherwise.
    PlanId saved_plan() const { return m_saved; }

private:
    struct Widgets;

    wxWindow* build_banner();
    wxWindow* build_techniques_page(wxWindow* book);
    wxWindow* build_goals_page(wxWindow* book);
    wxWindow* build_series_page(wxWindow* book);
    wxWindow* build_home_care_page(wxWindow* book);

    void show_technique(int row);
    void on_technique_toggled(unsigned row, const std::exception* refused);
    void show_goals();
    void on_goal_changed(int row, int col);
    void show_region(std::size_t index);
    void apply_series();
    void fill_reassess_choice();
    void refresh_preview();
    void update_summary();
    void on_save();
    void on_cancel();

    // Undo (or redo) a step: every control follows the presenter and the page holding the
    // change comes into view.
    void step(bool undo);
    void refresh_all();
    // After an edit: the Undo and Redo buttons follow.
    void after_edit();

    std::unique_ptr<Widgets> m_w;
    PlanId m_saved = 0;
};

} // namespace knotwork::gui
