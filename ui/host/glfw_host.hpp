#pragma once
// GLFW + OpenGL 3 set-up and ONE frame function, shared by the desktop and the browser. The
// desktop calls frame() in a loop; the browser hands it to emscripten_set_main_loop_arg.
#include <memory>
#include <string>
#include <vector>

#include "app.hpp"
#include "eqkit/error.hpp"

struct GLFWwindow;

namespace eqkit::ui {

class GlfwHost {
  public:
    // Opens the window and creates the Dear ImGui context (before the App is made).
    [[nodiscard]] static Result<std::unique_ptr<GlfwHost>> create(const std::string& title,
                                                                  int width, int height);
    GlfwHost(const GlfwHost&) = delete;
    GlfwHost& operator=(const GlfwHost&) = delete;
    ~GlfwHost();

    // Polls input, draws app.frame(), presents. The window's close button becomes
    // app.request_close(), so unsaved work is asked about first.
    void frame(App& app);
    void set_size(int width, int height);
    [[nodiscard]] KeyCodes key_codes() const;

  private:
    explicit GlfwHost(GLFWwindow* window);
    static void on_key(GLFWwindow* window, int key, int scancode, int action, int mods);
    // Dear ImGui 1.86 reads io.KeysDown once a frame, so a key pressed and released between two
    // frames (a quick tap, or xdotool) would be missed: such a key is held down for one frame.
    void latch_taps();

    GLFWwindow* window_;
    std::string title_;
    struct Tap {
        int key;
        int mods;  // modifiers held when it was pressed, which may be up again by now
    };
    std::vector<Tap> taps_;     // keys pressed since the last frame
    std::vector<int> latched_;  // keys held down for this frame only
    std::vector<bool> held_;    // keys physically down, by GLFW key code
};

}  // namespace eqkit::ui
