// SignaturePad: a surface to sign on with a finger, pen or mouse, that yields the signature as an image.
#pragma once

#include <QImage>
#include <QList>
#include <QPolygonF>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>

namespace samla::ui {

// Strokes are kept as points in item coordinates and painted in black on
// white; image() renders them at the item's size for the consent snapshot.
// Touch reaches it as synthesised mouse events; the grab is kept, so a
// surrounding Flickable never steals a stroke.
class SignaturePad : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool empty READ isEmpty NOTIFY changed)
    Q_PROPERTY(int strokeCount READ strokeCount NOTIFY changed)
public:
    explicit SignaturePad(QQuickItem *parent = nullptr);

    bool isEmpty() const;
    int strokeCount() const { return int(m_strokes.size()); }
    // The signature on a white background; a null image when nothing was drawn.
    QImage image() const;

    Q_INVOKABLE void clear();

    void paint(QPainter *painter) override;

signals:
    void changed();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void drawStrokes(QPainter &painter) const;
    QList<QPolygonF> m_strokes;
};

} // namespace samla::ui
