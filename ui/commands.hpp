#pragma once
// Intents recorded by screens while drawing and applied by App after the frame (deferred
// actions), so nothing changes under a widget while it is being drawn.
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "eqkit/assessment.hpp"

namespace eqkit::ui {

enum class Document { assessment_json, html_report };
enum class UnsavedChoice { save, discard, cancel };
// What a file chosen in the browser's file chooser is for (Platform::choose_file).
inline constexpr std::string_view upload_assessment = "assessment";

// The app's parts, one tab each (Ctrl+1 to Ctrl+5).
enum class Section { assessment, evidence, workforce, tender, actions };

struct StartAssessment {
    std::string framework_id;
};
struct SetAnswer {
    std::string item;
    Answer answer;
};
struct SelectItem {
    std::string item;
};
struct Undo {};
struct Redo {};
struct NewAssessment {};  // back to the framework picker
struct Open {};           // asks for a file: a path prompt, or the browser's file chooser
struct OpenFile {
    std::filesystem::path file;
};
struct OpenText {
    std::string text;
    std::string label;
};  // an uploaded file
struct Save {};
struct SaveAs {};
struct SaveTo {
    std::filesystem::path file;
};
struct Download {
    Document what;
    int version = 0;  // an earlier version as it was signed; 0: the open one
};
struct ExportTo {
    Document what;
    std::filesystem::path file;
    int version = 0;
};
struct RequestClose {};
struct ResolveUnsaved {
    UnsavedChoice choice;
};
struct CancelPrompt {};
struct ClearProblems {};
struct SetFontSize {
    float pixels;
};
struct SetHighContrast {
    bool on;
};
struct ShowSection {
    Section section;
};
struct KeepAsEvidence {     // a document the app made, offered to the evidence library
    std::string framework;  // what it is about ("wres")
    std::string name;
    std::string bytes;
};
struct SetChoices {  // the assessment-wide choices (method, items that apply, judgements, flags)
    Assessment settings;
    std::string what;  // the undo step's name
};
struct EditAssessment {  // made from the open one by a core edit (set_field, set_row, sign_off)
    Assessment after;
    std::string what;  // the undo step's name
};
struct CarryAcross {};      // the migration review screen's offer, accepted
struct CancelMigration {};  // and declined: nothing is opened
struct AttachEvidence {     // evidence from the library, to an item ("eds2022:1A")
    std::string evidence_id;
    std::string item_ref;
};
struct AddMitigation {  // an action for an impact row ("eira_nhs:race"), in the Actions section
    std::string item;
};

using Command =
    std::variant<StartAssessment, SetAnswer, SelectItem, Undo, Redo, NewAssessment, Open, OpenFile,
                 OpenText, Save, SaveAs, SaveTo, Download, ExportTo, RequestClose, ResolveUnsaved,
                 CancelPrompt, ClearProblems, SetFontSize, SetHighContrast, ShowSection,
                 AttachEvidence, KeepAsEvidence, SetChoices, CarryAcross, CancelMigration,
                 EditAssessment, AddMitigation>;

class CommandQueue {
  public:
    void push(Command command) { commands_.push_back(std::move(command)); }
    [[nodiscard]] bool empty() const { return commands_.empty(); }
    [[nodiscard]] std::vector<Command> take() { return std::exchange(commands_, {}); }

  private:
    std::vector<Command> commands_;
};

}  // namespace eqkit::ui
