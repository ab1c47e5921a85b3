#include "host/glfw_host.hpp"

#include <cstdio>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "host/gl_profile.hpp"

namespace eqkit::ui {
namespace {

void report_glfw_error(int code, const char* description) {
    std::fprintf(stderr, "eqkit: GLFW error %d: %s\n", code, description);
}

}  // namespace

Result<std::unique_ptr<GlfwHost>> GlfwHost::create(const std::string& title, int width,
                                                   int height) {
    glfwSetErrorCallback(report_glfw_error);
    if (glfwInit() == GLFW_FALSE) {
        return fail("display", "", "cannot start the window system (no display available?)");
    }
    const GlProfile profile = gl_profile();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, profile.major);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, profile.minor);
    GLFWwindow* window = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
    if (window == nullptr) {
        glfwTerminate();
        return fail("display", "",
                    "cannot open a window with OpenGL " + std::to_string(profile.major) + "." +
                        std::to_string(profile.minor));
    }
    glfwMakeContextCurrent(window);
    std::unique_ptr<GlfwHost> host(new GlfwHost(window));
    glfwSetWindowUserPointer(window, host.get());
    glfwSetKeyCallback(window, on_key);  // before the backend, which chains to it
    if (profile.vsync) glfwSwapInterval(1);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init(profile.glsl_version);
    host->title_ = title;
    return host;
}

GlfwHost::GlfwHost(GLFWwindow* window)
    : window_(window), held_(static_cast<std::size_t>(GLFW_KEY_LAST) + 1, false) {}

void GlfwHost::on_key(GLFWwindow* window, int key, int /*scancode*/, int action, int mods) {
    auto* host = static_cast<GlfwHost*>(glfwGetWindowUserPointer(window));
    if (host == nullptr || key < 0 || key > GLFW_KEY_LAST) return;
    if (action == GLFW_PRESS) host->taps_.push_back({key, mods});
    if (action != GLFW_REPEAT) host->held_[static_cast<std::size_t>(key)] = action == GLFW_PRESS;
}

void GlfwHost::latch_taps() {
    ImGuiIO& io = ImGui::GetIO();
    for (const int key : latched_) {
        if (!held_[static_cast<std::size_t>(key)]) io.KeysDown[key] = false;
    }
    latched_.clear();
    // Modifiers held when a key was pressed count for this frame, even if already released:
    // Ctrl+Q typed fast (or by xdotool, which may let go of Ctrl first) is still Ctrl+Q.
    int mods = 0;
    for (const Tap& tap : taps_) {
        mods |= tap.mods;
        if (!io.KeysDown[tap.key]) {
            io.KeysDown[tap.key] = true;
            latched_.push_back(tap.key);
        }
    }
    taps_.clear();
    const auto down = [&io, mods](int left, int right, int mod) {
        return io.KeysDown[left] || io.KeysDown[right] || (mods & mod) != 0;
    };
    io.KeyCtrl = down(GLFW_KEY_LEFT_CONTROL, GLFW_KEY_RIGHT_CONTROL, GLFW_MOD_CONTROL);
    io.KeyShift = down(GLFW_KEY_LEFT_SHIFT, GLFW_KEY_RIGHT_SHIFT, GLFW_MOD_SHIFT);
    io.KeyAlt = down(GLFW_KEY_LEFT_ALT, GLFW_KEY_RIGHT_ALT, GLFW_MOD_ALT);
    io.KeySuper = down(GLFW_KEY_LEFT_SUPER, GLFW_KEY_RIGHT_SUPER, GLFW_MOD_SUPER);
}

GlfwHost::~GlfwHost() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

KeyCodes GlfwHost::key_codes() const {
    return KeyCodes{GLFW_KEY_F6, GLFW_KEY_N, GLFW_KEY_O, GLFW_KEY_Q, GLFW_KEY_S,
                    GLFW_KEY_1,  GLFW_KEY_2, GLFW_KEY_3, GLFW_KEY_4, GLFW_KEY_5};
}

void GlfwHost::set_size(int width, int height) {
    int current_width = 0;
    int current_height = 0;
    glfwGetWindowSize(window_, &current_width, &current_height);
    if (width != current_width || height != current_height) {
        glfwSetWindowSize(window_, width, height);
    }
}

void GlfwHost::frame(App& app) {
    const GlProfile profile = gl_profile();
    if (profile.idle_wait_seconds > 0.0 && !app.working()) {
        glfwWaitEventsTimeout(profile.idle_wait_seconds);
    } else {
        glfwPollEvents();
    }
    latch_taps();
    if (glfwWindowShouldClose(window_) == GLFW_TRUE) {
        glfwSetWindowShouldClose(window_, GLFW_FALSE);
        app.request_close();
    }
    if (app.update_fonts()) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();

    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(background.x, background.y, background.z, 1.0F);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window_);

    if (std::string title = app.window_title(); title != title_) {
        glfwSetWindowTitle(window_, title.c_str());
        title_ = std::move(title);
    }
}

}  // namespace eqkit::ui
