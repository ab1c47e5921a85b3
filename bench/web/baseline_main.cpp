// The baseline for bench/web_payload.sh: a bare Dear ImGui app as in ImGui's GLFW + OpenGL 3
// example (its demo window, one frame function), built with the same ImGui, backends and flags
// as EqualityKit's web build. It sets window.eqkit_ready after its first frame, as the app does.
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

namespace {

struct Baseline {
    GLFWwindow* window = nullptr;
    bool first = true;
};

void frame(void* arg) {
    auto* app = static_cast<Baseline*>(arg);
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImGui::ShowDemoWindow();
    ImGui::Render();
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(app->window, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.45f, 0.55f, 0.60f, 1.00f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (app->first) {
        app->first = false;
        EM_ASM(window.eqkit_ready = true;);
    }
}

}  // namespace

int main() {
    if (glfwInit() == GLFW_FALSE) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    static Baseline app;  // lives for the page's lifetime, as the browser loop needs
    app.window = glfwCreateWindow(1280, 720, "Dear ImGui baseline", nullptr, nullptr);
    if (app.window == nullptr) return 1;
    glfwMakeContextCurrent(app.window);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::StyleColorsDark();
    ImGui_ImplGlfw_InitForOpenGL(app.window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_main_loop_arg(frame, &app, 0, 1);
    return 0;
}
