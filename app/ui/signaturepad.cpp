#include "signaturepad.h"

#include <QPainter>
#include <QPainterPath>

namespace samla::ui {

namespace {
constexpr qreal kPenWidth = 3.0;
}

SignaturePad::SignaturePad(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAcceptedMouseButtons(Qt::LeftButton);
    setAntialiasing(true);
    setFillColor(Qt::white);
}

bool SignaturePad::isEmpty() const
{
    return m_strokes.isEmpty();
}

void SignaturePad::clear()
{
    if (m_strokes.isEmpty())
        return;
    m_strokes.clear();
    update();
    emit changed();
}

void SignaturePad::drawStrokes(QPainter &painter) const
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::black, kPenWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    for (const QPolygonF &stroke : m_strokes) {
        if (stroke.size() == 1)
            painter.drawPoint(stroke.constFirst());
        else
            painter.drawPolyline(stroke);
    }
}

void SignaturePad::paint(QPainter *painter)
{
    drawStrokes(*painter);
}

QImage SignaturePad::image() const
{
    if (m_strokes.isEmpty() || width() < 1 || height() < 1)
        return {};
    QImage out(qCeil(width()), qCeil(height()), QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter painter(&out);
    drawStrokes(painter);
    return out;
}

void SignaturePad::mousePressEvent(QMouseEvent *event)
{
    setKeepMouseGrab(true);
    m_strokes.append(QPolygonF { event->position() });
    update();
    emit changed();
    event->accept();
}

void SignaturePad::mouseMoveEvent(QMouseEvent *event)
{
    if (m_strokes.isEmpty())
        return;
    m_strokes.last().append(event->position());
    update();
    event->accept();
}

void SignaturePad::mouseReleaseEvent(QMouseEvent *event)
{
    setKeepMouseGrab(false);
    if (!m_strokes.isEmpty())
        m_strokes.last().append(event->position());
    update();
    emit changed();
    event->accept();
}

} // namespace samla::ui
