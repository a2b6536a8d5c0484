#pragma once
// The desktop program: opens the practice named on the command line, the last one used, or asks
// on first start (with the demo practice on offer); keeps exceptions from escaping silently.
#include <wx/app.h>

namespace knotwork::gui {

class KnotworkApp : public wxApp {
public:
    bool OnInit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;
    bool OnExceptionInMainLoop() override;
    void OnUnhandledException() override;

private:
    wxString m_file;
    bool m_quit_when_ready = false;
    long m_client = 0;
};

} // namespace knotwork::gui
