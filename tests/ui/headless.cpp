#include "headless.hpp"

namespace eqkit::test {

Headless::Headless() : context_(ImGui::CreateContext()) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280.0F, 800.0F);
    io.DeltaTime = 1.0F / 60.0F;
    io.IniFilename = nullptr;  // screens drawn without the App must not write imgui.ini either
    for (int named = 0; named < ImGuiKey_COUNT; ++named)
        io.KeyMap[named] = key(named);
}

Headless::~Headless() {
    ImGui::DestroyContext(context_);
}

void Headless::build_fonts() {
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
}

void Headless::frame(ui::App& app) {
    if (app.update_fonts() || !ImGui::GetIO().Fonts->IsBuilt()) build_fonts();
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();
}

void Headless::frames(ui::App& app, int count) {
    for (int i = 0; i < count; ++i)
        frame(app);
}

void Headless::press(ui::App& app, int key_index, bool ctrl, bool shift) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    io.KeysDown[key_index] = true;
    frame(app);
    io.KeysDown[key_index] = false;
    io.KeyCtrl = false;
    io.KeyShift = false;
    frame(app);
}

void Headless::type(ui::App& app, const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    frame(app);
}

void Headless::click(ui::App& app, ImVec2 at) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = at;
    frame(app);
    io.MouseDown[0] = true;
    frame(app);
    io.MouseDown[0] = false;
    frame(app);
}

std::string Headless::logged_frame(ui::App& app) {
    std::string text;
    ImGuiIO& io = ImGui::GetIO();
    io.ClipboardUserData = &text;
    io.SetClipboardTextFn = [](void* into, const char* logged) {
        *static_cast<std::string*>(into) = logged;
    };
    ImGui::NewFrame();
    ImGui::LogToClipboard();
    app.frame();
    ImGui::LogFinish();
    ImGui::Render();
    io.SetClipboardTextFn = nullptr;
    io.ClipboardUserData = nullptr;
    return text;
}

}  // namespace eqkit::test
